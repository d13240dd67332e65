/** @module Registers ECharts' line chart beside the bar and pie charts the shared wrapper registers (charts/EChart.tsx). */
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';

echarts.use([LineChart]);

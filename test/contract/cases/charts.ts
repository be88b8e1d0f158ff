import type { ContractCase } from '../contract';

export const chartCases: ContractCase[] = [
  {
    id: 'charts/build-does-not-insert',
    rule: 'A built chart appears only after insertChart, and removeChart takes it away.',
    source: 'FAKES.md §1.12',
    run(t) {
      const sheet = t.newSheet();
      sheet.getRange(1, 1, 3, 2).setValues([
        ['Workflow', 'Total'],
        ['FAQ', 17],
        ['Newsletter', 12],
      ]);
      const chart = sheet
        .newChart()
        .setChartType(t.gas.Charts.ChartType.BAR)
        .addRange(sheet.getRange('A1:B3'))
        .setPosition(5, 1, 0, 0)
        .setOption('title', 'Ranking')
        .build();
      t.equal(sheet.getCharts().length, 0, 'charts after build()');
      sheet.insertChart(chart);
      const charts = sheet.getCharts();
      t.equal(charts.length, 1, 'charts after insertChart');
      t.equal(
        charts[0]?.getRanges().map((r) => r.getA1Notation()),
        ['A1:B3'],
        'chart ranges',
      );
      t.ok(charts[0]?.getChartId() !== null, 'an inserted chart has an id');
      if (charts[0]) sheet.removeChart(charts[0]);
      t.equal(sheet.getCharts().length, 0, 'charts after removeChart');
    },
  },
];

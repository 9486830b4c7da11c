// The one bridge between our ApexChart component and the ApexCharts library (loaded globally from lib/apexcharts).
export function create(element, options) {
    const chart = new ApexCharts(element, options);
    chart.render();
    return chart;
}

export function update(chart, options) {
    // Redraw with the new options and animate the change, as when a filter moves the numbers.
    chart.updateOptions(options, true, true);
}

export function destroy(chart) {
    chart.destroy();
}

// The one bridge between our ApexChart component and the ApexCharts library (loaded globally from lib/apexcharts).
export function create(element, options) {
    const chart = new ApexCharts(element, withTexts(options));
    chart.render();
    return chart;
}

export function update(chart, options) {
    // Redraw with the new options and animate the change, as when a filter moves the numbers.
    chart.updateOptions(withTexts(options), true, true);
}

export function destroy(chart) {
    chart.destroy();
}

// Options cannot carry functions over JSON: labels the server already formatted for the page's language
// (dataLabels.texts, tooltip.texts: one array per series) stand in for ApexCharts' own number formatting.
function withTexts(options) {
    const text = texts => (value, { seriesIndex, dataPointIndex }) => texts[seriesIndex]?.[dataPointIndex] ?? value;
    if (options?.dataLabels?.texts) {
        options.dataLabels.formatter = text(options.dataLabels.texts);
    }
    const axis = options?.yaxis?.labels;
    if (axis && axis.thousands !== undefined) {
        // The value axis grouped as the page's language groups digits, with the values' unit.
        axis.formatter = value => Math.round(value).toString().replace(/\B(?=(\d{3})+(?!\d))/g, axis.thousands) + (axis.suffix ?? "");
    }
    if (options?.tooltip?.texts) {
        options.tooltip.y = { formatter: text(options.tooltip.texts) };
    }
    return options;
}

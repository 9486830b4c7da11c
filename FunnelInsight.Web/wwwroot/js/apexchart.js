// The one bridge between our ApexChart component and the ApexCharts library (loaded globally from lib/apexcharts).
export function create(element, options) {
    const chart = new ApexCharts(element, safeOptions(options));
    chart.render();
    return chart;
}

export function update(chart, options) {
    // Redraw with the new options and animate the change, as when a filter moves the numbers.
    chart.updateOptions(safeOptions(options), true, true);
}

export function destroy(chart) {
    chart.destroy();
}

// Every text a chart shows comes from data (a channel is whatever a visitor's UTM tag said). ApexCharts draws axis
// labels and data labels as SVG text (plain text, safe), but puts the legend, the tooltips and annotation tooltips
// in with innerHTML. Each of those goes through a formatter here that escapes what it is given, whatever the caller
// passed; options that are raw HTML by design are dropped.
export function escapeHtml(value) {
    return String(value ?? '')
        .replaceAll('&', '&amp;')
        .replaceAll('<', '&lt;')
        .replaceAll('>', '&gt;')
        .replaceAll('"', '&quot;')
        .replaceAll("'", '&#39;');
}

// Options cannot carry functions over JSON: labels the server already formatted for the page's language
// (dataLabels.texts, tooltip.texts: one array per series) stand in for ApexCharts' own number formatting.
function safeOptions(options) {
    options ??= {};
    const textOf = texts => (value, context) => texts?.[context?.seriesIndex]?.[context?.dataPointIndex] ?? value;

    if (options.dataLabels?.texts) {
        // SVG text: shown as given, never parsed.
        options.dataLabels.formatter = textOf(options.dataLabels.texts);
    }
    const valueAxis = options.yaxis?.labels;
    if (valueAxis && valueAxis.thousands !== undefined) {
        // The value axis grouped as the page's language groups digits, with the values' unit (SVG text, numbers only).
        valueAxis.formatter = value => Math.round(value).toString().replace(/\B(?=(\d{3})+(?!\d))/g, valueAxis.thousands) + (valueAxis.suffix ?? '');
    }

    const legend = options.legend ??= {};
    delete legend.tooltipHoverFormatter;
    if (legend.markers) {
        delete legend.markers.customHTML;
    }
    legend.formatter = name => escapeHtml(name);

    const tooltip = options.tooltip ??= {};
    const tooltipValue = textOf(tooltip.texts);
    delete tooltip.custom;
    tooltip.x = { ...tooltip.x, formatter: value => escapeHtml(value) };
    tooltip.y = {
        formatter: (value, context) => escapeHtml(tooltipValue(value, context)),
        title: { formatter: name => (name ? escapeHtml(name) + ': ' : '') },
    };
    if (tooltip.z) {
        tooltip.z = { ...tooltip.z, title: escapeHtml(tooltip.z.title), formatter: value => escapeHtml(value) };
    }

    const xaxis = options.xaxis ??= {};
    xaxis.tooltip = { ...xaxis.tooltip, formatter: value => escapeHtml(value) };
    for (const axis of [options.yaxis ?? []].flat()) {
        if (axis.tooltip?.enabled) {
            axis.labels = { ...axis.labels, formatter: value => escapeHtml(value) };
        }
    }

    for (const point of options.annotations?.points ?? []) {
        // The point's tooltip shows its label text as HTML; the label itself is SVG text.
        delete point.customSVG;
        const text = point.tooltip?.text ?? point.label?.text;
        if (text != null) {
            point.tooltip = { ...point.tooltip, text: [text].flat().map(escapeHtml).join('<br/>') };
        }
    }

    if (options.chart?.toolbar?.tools) {
        delete options.chart.toolbar.tools.customIcons;
    }

    // Labels only where there is room: whatever the width, a data label that would run into one already drawn is hidden.
    const chart = options.chart ??= {};
    chart.events = { ...chart.events, mounted: hideCrowdedLabels, updated: hideCrowdedLabels };

    return options;
}

// Hides each data label that overlaps one kept before it, in reading order; the tooltip still says what it said.
export function hideCrowdedLabels(context) {
    const kept = [];
    const labels = [...(context?.el ?? context).querySelectorAll('text.apexcharts-datalabel')]
        .map(label => ({ label, box: label.getBoundingClientRect() }))
        .filter(l => l.box.width > 0)
        .sort((a, b) => a.box.left - b.box.left);
    for (const { label, box } of labels) {
        const overlaps = kept.some(k => box.left < k.right + 2 && k.left < box.right + 2 && box.top < k.bottom && k.top < box.bottom);
        label.style.visibility = overlaps ? 'hidden' : '';
        if (!overlaps) {
            kept.push(box);
        }
    }
}

// Charts for the rules health and care pages: Chart.js (served from /assets/vendor/chart.js) on <canvas>,
// so names are drawn as pixels, never inserted as markup. Each canvas carries data-points once drawn (for
// browser tests), and its box data-empty (the box then says "No data in this period").
const charts = new Map();

/** Draws (or redraws) a chart on the canvas; without Chart.js only the data attributes are set. */
export function drawChart(canvas, config, points) {
  if (charts.has(canvas)) charts.get(canvas).destroy();
  canvas.dataset.points = String(points);
  canvas.parentElement.dataset.empty = String(points === 0);
  if (!window.Chart) return;
  charts.set(canvas, new window.Chart(canvas, config));
}

/** Whether the charting library loaded; the pages' tables have every number either way. */
export function chartsAvailable() {
  return Boolean(window.Chart);
}

// Draws the member page's charts from the figures in its tables (each chart has its table, so what is drawn is
// what the services answered), then marks <body data-ready="true">. Loaded with uPlot from the dashboard itself.
(function () {
  "use strict";

  var COLOURS = ["#1f6feb", "#d1242f", "#1a7f37", "#9a6700", "#8250df", "#bf3989", "#0a7ea4", "#6e7781",
    "#cf222e", "#116329", "#953800", "#0550ae"];

  function rows(table) {
    return table ? Array.prototype.slice.call(table.querySelectorAll("tbody tr")) : [];
  }

  function value(row, selector) {
    var cell = row.querySelector(selector);
    var text = cell ? cell.getAttribute("data-value") : null;
    return text === null || text === "" ? null : Number(text);
  }

  function times(list) {
    return list.map(function (row) { return Number(row.getAttribute("data-time")); });
  }

  function width(element) {
    return Math.max(320, element.clientWidth - 2);
  }

  // As wide as the longest value label: uPlot's fixed 50 px cut "20,000" to "0,000". After uPlot's own
  // axis-autosize demo (cycleNum > 1 keeps the size once the labels have converged).
  function valueAxisSize(u, values, axisIndex, cycleNum) {
    var axis = u.axes[axisIndex];
    if (cycleNum > 1) { return axis._size; }
    var longest = (values || []).reduce(function (found, v) {
      return String(v).length > found.length ? String(v) : found;
    }, "");
    u.ctx.font = axis.font[0];
    return Math.ceil(axis.ticks.size + axis.gap + u.ctx.measureText(longest).width / uPlot.pxRatio);
  }

  function draw(element, series, data, fromZero) {
    var options = { width: width(element), height: 240, series: series, legend: { live: false },
      axes: [{}, { size: valueAxisSize }] };
    if (fromZero) {
      options.scales = { y: { range: function (u, min, max) { return [0, Math.max(1, max) * 1.05]; } } };
    }
    new uPlot(options, data, element);
  }

  function tonnage() {
    var element = document.getElementById("chart-tonnage");
    var list = rows(document.getElementById("volume-table"));
    if (!element || list.length === 0) { return; }
    draw(element, [{}, {
      label: "Tonnage (kg)", stroke: COLOURS[0], fill: "rgba(31,111,235,0.35)",
      paths: uPlot.paths.bars({ size: [0.7, 60] }), points: { show: false }
    }], [times(list), list.map(function (row) { return value(row, "[data-field=tonnageKg]"); })], true);
  }

  function hardSets() {
    var element = document.getElementById("chart-hard-sets");
    var table = document.getElementById("hard-sets-table");
    var list = rows(table);
    if (!element || list.length === 0) { return; }
    var muscles = Array.prototype.map.call(table.querySelectorAll("thead th[data-muscle]"),
      function (th) { return th.getAttribute("data-muscle"); });
    var series = [{}];
    var data = [times(list)];
    muscles.forEach(function (muscle, i) {
      series.push({ label: muscle, stroke: COLOURS[i % COLOURS.length], width: 2 });
      data.push(list.map(function (row) { return value(row, "td[data-muscle=\"" + muscle + "\"]"); }));
    });
    draw(element, series, data, true);
  }

  function pullPush() {
    var element = document.getElementById("chart-pull-push");
    var list = rows(document.getElementById("pull-push-table"));
    if (!element || list.length === 0) { return; }
    draw(element, [{}, { label: "Pull : push", stroke: COLOURS[0], width: 2, spanGaps: true },
      { label: "Guide 2 : 1", stroke: COLOURS[2], dash: [6, 4], points: { show: false } }],
    [times(list), list.map(function (row) { return value(row, "[data-field=pullPushRatio]"); }),
      list.map(function () { return 2; })], true);
  }

  function e1rm() {
    Array.prototype.forEach.call(document.querySelectorAll("section.exercise"), function (section) {
      var element = section.querySelector("[data-chart=e1rm]");
      var list = rows(section.querySelector("table.e1rm-table"));
      if (!element || list.length === 0) { return; }
      var best = list.map(function (row) { return value(row, "[data-field=bestE1rmKg]"); });
      var records = list.map(function (row, i) {
        return (" " + row.getAttribute("data-record") + " ").indexOf(" bestE1rm ") >= 0 ? best[i] : null;
      });
      draw(element, [{}, { label: "Best e1RM (kg)", stroke: COLOURS[0], width: 2, spanGaps: true },
        { label: "Record", stroke: COLOURS[3], fill: COLOURS[3], paths: function () { return null; },
          points: { show: true, size: 11, fill: COLOURS[3] } }],
      [times(list), best, records]);
    });
  }

  function printButton() {
    var button = document.getElementById("print-button");
    if (button) {
      button.addEventListener("click", function () { window.print(); });
    }
  }

  function start() {
    printButton();
    if (typeof uPlot === "undefined") {
      document.body.setAttribute("data-ready", "no-charts");
      return;
    }
    tonnage();
    hardSets();
    pullPush();
    e1rm();
    document.body.setAttribute("data-ready", "true");
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());

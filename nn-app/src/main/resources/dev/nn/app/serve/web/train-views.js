'use strict';
// What the Train view draws from a snapshot of the server's training: curves, weights, the drawing's answer,
// and for 2-D data the plane's regions and every hidden unit's own. Pure drawing: no requests here.

const CLASS_COLOURS = [[31, 119, 180], [214, 39, 40], [44, 160, 44], [255, 127, 14], [148, 103, 189],
  [140, 86, 75], [227, 119, 194], [127, 127, 127], [188, 189, 34], [23, 190, 207]];

function bytesOf(base64) {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    bytes[i] = text.charCodeAt(i);
  }
  return bytes;
}

/** A step of 1, 2 or 5 times a power of ten, at least 1 and at least {@code rough}. */
function niceStep(rough) {
  const power = Math.pow(10, Math.floor(Math.log10(Math.max(1, rough))));
  return [1, 2, 5, 10].map(m => m * power).find(s => s >= rough);
}

/** One chart: lines of [x, y] points and dots, x from 0 to xMax, y from yMin to yMax, with a title. */
function drawChart(canvas, title, xMax, yMin, yMax, lines, dots, format) {
  const c = canvas.getContext('2d');
  const w = canvas.width, h = canvas.height, left = 46, right = 10, top = 20, bottom = 24;
  c.clearRect(0, 0, w, h);
  c.font = '12px system-ui, sans-serif';
  c.fillStyle = '#1b1f24';
  c.fillText(title, left, 13);
  const x = v => left + (w - left - right) * v / xMax;
  const y = v => top + (h - top - bottom) * (1 - (v - yMin) / (yMax - yMin));
  c.strokeStyle = '#d0d7de';
  c.fillStyle = '#57606a';
  c.lineWidth = 1;
  for (let i = 0; i <= 4; i++) {
    const v = yMin + (yMax - yMin) * i / 4;
    c.beginPath();
    c.moveTo(left, y(v));
    c.lineTo(w - right, y(v));
    c.stroke();
    c.fillText(format(v), 2, y(v) + 4);
  }
  const step = niceStep(xMax / 5);
  for (let v = 0; v <= xMax; v += step) {
    c.fillText(String(v), x(v) - 3, h - 8);
  }
  for (const line of lines) {
    c.strokeStyle = line.colour;
    c.lineWidth = 1.5;
    c.beginPath();
    line.points.forEach(([px, py], i) => {
      const cy = y(Math.max(yMin, Math.min(yMax, py)));
      if (i === 0) {
        c.moveTo(x(px), cy);
      } else {
        c.lineTo(x(px), cy);
      }
    });
    c.stroke();
  }
  c.fillStyle = '#67001f';
  for (const [px, py] of dots) {
    c.beginPath();
    c.arc(x(px), y(Math.max(yMin, Math.min(yMax, py))), 3.5, 0, 2 * Math.PI);
    c.fill();
  }
}

/**
 * The loss and accuracy charts: training batches, the test sample, and the whole test set after each epoch (as dots
 * while there are few enough to tell apart). The x axis runs a quarter beyond the progress, up to the last epoch.
 */
function drawCurves(state) {
  const curve = state.curve || [];
  const epochs = state.epochPoints || [];
  const reached = curve.length ? curve[curve.length - 1][0] : 0;
  const xMax = Math.max(1, Math.min(state.epochs || 1, Math.ceil(reached * 1.25)));
  const dots = epochs.length <= 60;
  const losses = curve.flatMap(p => [p[1], p[3]]).concat(epochs.map(p => p[3])).filter(Number.isFinite);
  const lossMax = Math.max(0.1, ...losses.slice(-400)) * 1.05;
  drawChart(document.getElementById('loss-curve'), 'loss (mean cross-entropy) by epoch', xMax, 0, lossMax,
    (dots ? [] : [{colour: '#67001f', points: epochs.map(p => [p[0], p[3]])}])
      .concat([{colour: '#2166ac', points: curve.map(p => [p[0], p[1]])}, {colour: '#d6604d', points: curve.map(p => [p[0], p[3]])}]),
    dots ? epochs.map(p => [p[0], p[3]]) : [], v => v.toFixed(2));
  const accuracies = curve.flatMap(p => [p[2], p[4]]).filter(Number.isFinite);
  const accMin = accuracies.length ? Math.max(0, Math.floor(10 * Math.min(...accuracies.slice(-200))) / 10) : 0;
  drawChart(document.getElementById('accuracy-curve'), 'accuracy by epoch', xMax, accMin, 1,
    (dots ? [] : [{colour: '#67001f', points: epochs.map(p => [p[0], p[4]])}])
      .concat([{colour: '#2166ac', points: curve.map(p => [p[0], p[2]])}, {colour: '#d6604d', points: curve.map(p => [p[0], p[4]])}]),
    dots ? epochs.map(p => [p[0], p[4]]) : [], v => `${(100 * v).toFixed(0)}%`);
}

/** Tiles of canvases in a container, made once per count and size, then redrawn in place. */
function tiles(container, count, side) {
  if (container.childElementCount !== count || container.dataset.side !== String(side)) {
    container.replaceChildren();
    for (let i = 0; i < count; i++) {
      const canvas = document.createElement('canvas');
      canvas.width = side;
      canvas.height = side;
      container.append(canvas);
    }
    container.dataset.side = String(side);
  }
  return [...container.children];
}

/** Each shown unit's incoming weights as a 28×28 picture: red positive, blue negative. */
function drawWeights(weights) {
  const side = Math.round(Math.sqrt(weights.inputs));
  const values = bytesOf(weights.values);
  tiles(document.getElementById('live-weights'), weights.shown, side).forEach((canvas, u) => {
    const c = canvas.getContext('2d');
    const image = c.createImageData(side, side);
    for (let i = 0; i < side * side; i++) {
      const t = (values[u * weights.inputs + i] - 128) / 127;
      const rgb = t >= 0 ? [255, 255 - 200 * t, 255 - 200 * t] : [255 + 200 * t, 255 + 130 * t, 255];
      image.data.set([...rgb, 255], 4 * i);
    }
    c.putImageData(image, 0, 0);
    canvas.title = `hidden neuron ${u + 1}`;
  });
}

/** The drawing's answer: the digit, and every layer's activations as cells. */
function drawThinking(answer) {
  document.getElementById('t-digit').textContent = answer ? answer.digit : '?';
  drawLayers(document.getElementById('t-network'), answer, 64);
}

/** The plane: each cell in its class's pale colour (paler where less sure), the test points on top. */
function drawPlane(plane) {
  const canvas = document.getElementById('plane');
  const c = canvas.getContext('2d');
  const grid = plane.grid, winner = bytesOf(plane.winner), confidence = bytesOf(plane.confidence);
  const small = document.createElement('canvas');
  small.width = grid;
  small.height = grid;
  const sc = small.getContext('2d');
  const image = sc.createImageData(grid, grid);
  const floor = 1 / plane.classes;
  for (let r = 0; r < grid; r++) {
    for (let col = 0; col < grid; col++) {
      const cell = r * grid + col; // rows from the bottom up
      const [cr, cg, cb] = CLASS_COLOURS[winner[cell] % CLASS_COLOURS.length];
      const sure = Math.max(0, (confidence[cell] / 255 - floor) / (1 - floor));
      const k = 0.15 + 0.45 * sure;
      image.data.set([255 - k * (255 - cr), 255 - k * (255 - cg), 255 - k * (255 - cb), 255],
        4 * ((grid - 1 - r) * grid + col));
    }
  }
  sc.putImageData(image, 0, 0);
  c.imageSmoothingEnabled = true;
  c.drawImage(small, 0, 0, canvas.width, canvas.height);
  const [minX, maxX, minY, maxY] = plane.range;
  for (const [px, py, label] of plane.points) {
    const [cr, cg, cb] = CLASS_COLOURS[label % CLASS_COLOURS.length];
    c.fillStyle = `rgb(${cr}, ${cg}, ${cb})`;
    c.strokeStyle = '#fff';
    c.beginPath();
    c.arc((px - minX) / (maxX - minX) * canvas.width, (1 - (py - minY) / (maxY - minY)) * canvas.height, 3.2, 0,
      2 * Math.PI);
    c.fill();
    c.stroke();
  }
}

/** Every hidden unit's output over the plane, a small tile each: blue above zero, orange below. */
function drawUnits(plane) {
  const container = document.getElementById('unit-tiles');
  const side = plane.tile;
  if (container.childElementCount !== plane.units.length) {
    container.replaceChildren();
    plane.units.forEach((layer, l) => {
      const row = document.createElement('div');
      row.className = 'unit-layer';
      const title = document.createElement('div');
      title.className = 'title';
      title.textContent = `hidden layer ${l + 1} (${layer.units} units${layer.shown < layer.units ? ', ' +
        layer.shown + ' shown' : ''})`;
      row.append(title, document.createElement('div'));
      row.lastChild.className = 'unit-row';
      container.append(row);
    });
  }
  plane.units.forEach((layer, l) => {
    const values = bytesOf(layer.values);
    const row = container.children[l].querySelector('.unit-row');
    row.style.display = 'flex';
    row.style.flexWrap = 'wrap';
    row.style.gap = '3px';
    tiles(row, layer.shown, side).forEach((canvas, u) => {
      const c = canvas.getContext('2d');
      const image = c.createImageData(side, side);
      for (let r = 0; r < side; r++) {
        for (let col = 0; col < side; col++) {
          const t = (values[u * side * side + r * side + col] - 128) / 127;
          const rgb = t >= 0 ? [255 - 200 * t, 255 - 120 * t, 255] : [255, 255 + 100 * t, 255 + 220 * t];
          image.data.set([...rgb, 255], 4 * ((side - 1 - r) * side + col));
        }
      }
      c.putImageData(image, 0, 0);
      canvas.title = `layer ${l + 1}, unit ${u + 1}`;
    });
  });
}

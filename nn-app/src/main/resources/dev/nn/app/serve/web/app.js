'use strict';
// The page of `nn serve`. The drawing goes to the server as a PNG; everything the network does comes back as JSON.

const pad = document.getElementById('pad');
const ctx = pad.getContext('2d');
const strokes = [];
let picture = null; // a test image shown on the pad, until the next stroke
let current = null;
let pending = false;
let again = false;
let shape = null;

function showError(message) {
  document.getElementById('error').textContent = message || '';
}

async function call(path, body) {
  const options = body === undefined ? {} : {
    method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)};
  const response = await fetch(path, options);
  const answer = await response.json();
  if (!response.ok) {
    throw new Error(answer.error || response.statusText);
  }
  return answer;
}

function redraw() {
  ctx.fillStyle = '#000';
  ctx.fillRect(0, 0, pad.width, pad.height);
  if (picture) {
    drawPixels(pad, picture);
  }
  drawStrokes(ctx, strokes, 18);
}

/** Strokes (lists of points) in white, round, of the given width. */
function drawStrokes(ctx, strokes, width) {
  ctx.strokeStyle = '#fff';
  ctx.lineWidth = width;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  for (const stroke of strokes) {
    ctx.beginPath();
    ctx.moveTo(stroke[0].x, stroke[0].y);
    for (const p of stroke) {
      ctx.lineTo(p.x, p.y);
    }
    ctx.stroke();
  }
}

/** A pointer event's place in a canvas's own pixels. */
function canvasPoint(canvas, event) {
  const box = canvas.getBoundingClientRect();
  return {x: (event.clientX - box.left) * canvas.width / box.width,
    y: (event.clientY - box.top) * canvas.height / box.height};
}

pad.addEventListener('pointerdown', event => {
  pad.setPointerCapture(event.pointerId);
  if (picture) { // drawing starts afresh: the test image goes
    picture = null;
    strokes.length = 0;
    tell('your drawing', '');
  }
  current = [canvasPoint(pad, event)];
  strokes.push(current);
  redraw();
});
pad.addEventListener('pointermove', event => {
  if (current) {
    current.push(canvasPoint(pad, event));
    redraw();
    predictDrawing();
  }
});
for (const type of ['pointerup', 'pointercancel']) {
  pad.addEventListener(type, () => {
    if (current) {
      current = null;
      predictDrawing();
    }
  });
}

// One request at a time; a change while one is out asks for one more when it returns.
async function predictDrawing() {
  if (pending) {
    again = true;
    return;
  }
  pending = true;
  try {
    if (strokes.length === 0) {
      show(null);
    } else {
      show(await call('/api/predict', {image: pad.toDataURL('image/png')}));
    }
    showError('');
  } catch (e) {
    showError(e.message);
  } finally {
    pending = false;
    if (again) {
      again = false;
      predictDrawing();
    }
  }
}

function drawPixels(canvas, pixels) {
  const small = document.createElement('canvas');
  small.width = 28;
  small.height = 28;
  const image = small.getContext('2d').createImageData(28, 28);
  for (let i = 0; i < 784; i++) {
    const v = pixels ? pixels[i] : 0;
    image.data.set([v, v, v, 255], 4 * i);
  }
  small.getContext('2d').putImageData(image, 0, 0);
  const c = canvas.getContext('2d');
  c.imageSmoothingEnabled = false;
  c.drawImage(small, 0, 0, canvas.width, canvas.height);
}

function colour(value, largest) {
  const t = largest > 0 ? Math.max(0, Math.min(1, value / largest)) : 0;
  const light = Math.round(255 - 200 * t);
  return `rgb(${light}, ${Math.round(255 - 150 * t)}, 255)`;
}

/** Every layer's activations of an answer as columns of cells (at most {@code shown} a layer), or nothing. */
function drawLayers(network, answer, shown) {
  network.replaceChildren();
  const columns = answer ? [...answer.hidden, answer.probabilities] : [];
  columns.forEach((values, l) => {
    const output = l === columns.length - 1;
    const layer = document.createElement('div');
    layer.className = output ? 'layer out' : 'layer';
    const title = document.createElement('div');
    title.className = 'title';
    title.textContent = output ? 'output' : `hidden ${l + 1}`;
    layer.append(title);
    const largest = Math.max(...values.map(Math.abs));
    values.slice(0, shown).forEach((v, i) => {
      const cell = document.createElement('div');
      cell.className = 'cell';
      cell.style.background = colour(v, largest);
      cell.title = `${output ? 'digit ' + i : 'neuron ' + (i + 1)}: ${v.toFixed(3)}`;
      if (output) {
        cell.textContent = i;
      }
      layer.append(cell);
    });
    network.append(layer);
  });
}

/** Says what the pad shows and, for a test image, whether the answer matches its label. */
function tell(source, truth) {
  document.getElementById('source').textContent = source;
  document.getElementById('truth').textContent = truth;
}

function show(answer) {
  drawPixels(document.getElementById('input'), answer && answer.input);
  const network = document.getElementById('network');
  drawLayers(network, answer, Infinity);
  document.getElementById('digit').textContent = answer ? answer.digit : '?';
  const bars = document.getElementById('bars');
  bars.replaceChildren();
  if (answer) {
    answer.probabilities.forEach((p, digit) => {
      const row = document.createElement('div');
      row.className = 'bar';
      row.innerHTML = `<span>${digit}</span><div class="track"><div class="fill"></div></div>` +
        `<span class="value">${(100 * p).toFixed(1)}%</span>`;
      row.querySelector('.fill').style.width = `${100 * p}%`;
      bars.append(row);
    });
  }
}

document.getElementById('clear').addEventListener('click', () => {
  strokes.length = 0;
  picture = null;
  tell('your drawing', '');
  redraw();
  predictDrawing();
});
document.getElementById('undo').addEventListener('click', () => {
  strokes.pop();
  redraw();
  predictDrawing();
});
document.getElementById('random').addEventListener('click', async () => {
  try {
    const picked = await call('/api/random');
    const answer = await call('/api/sample', {index: picked.index});
    strokes.length = 0;
    picture = picked.input;
    redraw();
    show(answer);
    tell(`test image ${picked.index}, labelled ${answer.label}`,
      `the label is ${answer.label}: the network is ${answer.digit === answer.label ? 'right' : 'wrong'}`);
  } catch (e) {
    showError(e.message);
  }
});
document.getElementById('show-weights').addEventListener('click', async () => {
  try {
    const answer = await call('/api/weights');
    const panel = document.getElementById('weights-panel');
    const grid = document.getElementById('weights');
    grid.replaceChildren();
    if (answer.inputs !== 784) {
      grid.textContent = `The first layer takes ${answer.inputs} inputs, not a 28×28 image.`;
    }
    for (const neuron of answer.inputs === 784 ? answer.neurons : []) {
      const canvas = document.createElement('canvas');
      canvas.width = 28;
      canvas.height = 28;
      const c = canvas.getContext('2d');
      const image = c.createImageData(28, 28);
      const largest = Math.max(...neuron.map(Math.abs)) || 1;
      neuron.forEach((w, i) => {
        const t = w / largest;
        const rgb = t >= 0 ? [255, 255 - 200 * t, 255 - 200 * t] : [255 + 200 * t, 255 + 130 * t, 255];
        image.data.set([...rgb, 255], 4 * i);
      });
      c.putImageData(image, 0, 0);
      grid.append(canvas);
    }
    panel.classList.remove('hidden');
  } catch (e) {
    showError(e.message);
  }
});

// Human against machine: a random test digit, your guess, then the network's and the truth.
const game = {index: null, rounds: 0, you: 0, network: 0};
for (let d = 0; d < 10; d++) {
  const button = document.createElement('button');
  button.textContent = d;
  button.dataset.guess = d;
  button.disabled = true; // until a round starts
  button.addEventListener('click', () => guess(d));
  document.getElementById('guesses').append(button);
}

function guessing(on) {
  for (const button of document.querySelectorAll('#guesses button')) {
    button.disabled = !on;
  }
}
document.getElementById('new-round').addEventListener('click', newRound);

async function newRound() {
  try {
    const picked = await call('/api/random');
    game.index = picked.index;
    drawPixels(document.getElementById('game-digit'), picked.input);
    document.getElementById('game-result').textContent = `Test image ${picked.index}: which digit is it?`;
    guessing(true);
  } catch (e) {
    showError(e.message);
  }
}

async function guess(digit) {
  if (game.index === null) {
    return;
  }
  try {
    guessing(false);
    const answer = await call('/api/sample', {index: game.index});
    game.index = null;
    game.rounds++;
    game.you += digit === answer.label ? 1 : 0;
    game.network += answer.digit === answer.label ? 1 : 0;
    document.getElementById('game-result').textContent =
      `It was ${answer.label}. You said ${digit} (${digit === answer.label ? 'right' : 'wrong'}); the network said ` +
      `${answer.digit} (${answer.digit === answer.label ? 'right' : 'wrong'}, ` +
      `${(100 * answer.probabilities[answer.digit]).toFixed(1)}% sure).`;
    document.getElementById('score').textContent =
      `you ${game.you}, network ${game.network}, of ${game.rounds} rounds`;
  } catch (e) {
    showError(e.message);
  }
}

async function start() {
  redraw();
  show(null);
  try {
    shape = await call('/api/model');
    document.getElementById('model').textContent =
      `${shape.layers.join('-')} (${shape.activation}, ${shape.loss}); test images from ${shape.testSet}`;
    document.body.dataset.ready = 'true';
  } catch (e) {
    showError(e.message);
  }
}
start();

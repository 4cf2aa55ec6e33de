'use strict';
// The Train view: its settings and buttons, the poll that brings each snapshot of the server's training, and
// the drawing pad whose answer the snapshots carry. Drawing the snapshot is train-views.js's.

const PLANE_DEFAULTS = {hidden: '16,16', activation: 'tanh', optimizer: 'adam', lr: '0.01', batch: '16', epochs: '300'};
const MNIST_DEFAULTS = {hidden: '16,16', activation: 'relu', optimizer: 'adam', lr: '0.002', batch: '32', epochs: '5'};
const train = {version: 0, status: 'idle', arrivals: [], dataset: 'mnist', limits: null};

function field(id) {
  return document.getElementById(id);
}

async function post(path, body) {
  const response = await fetch(path, {method: 'POST', headers: {'Content-Type': 'application/json'},
    body: JSON.stringify(body || {})});
  const answer = await response.json();
  if (!response.ok) {
    throw new Error(answer.error || response.statusText);
  }
  return answer;
}

function showView(name) {
  const training = name === 'train';
  field('explore-view').classList.toggle('hidden', training);
  field('train-view').classList.toggle('hidden', !training);
  field('tab-explore').classList.toggle('active', !training);
  field('tab-train').classList.toggle('active', training);
  field('tab-explore').setAttribute('aria-pressed', String(!training));
  field('tab-train').setAttribute('aria-pressed', String(training));
  field('title').textContent = training ? 'Train a network, watch it learn' : 'Draw a digit, watch the network think';
  field('model').classList.toggle('hidden', training);
}
field('tab-explore').addEventListener('click', () => showView('explore'));
field('tab-train').addEventListener('click', () => showView('train'));

function showPanels(dataset) {
  const mnist = dataset === 'mnist';
  for (const panel of document.querySelectorAll('.mnist-only')) {
    panel.classList.toggle('hidden', !mnist);
  }
  for (const panel of document.querySelectorAll('.plane-only')) {
    panel.classList.toggle('hidden', mnist);
  }
}

function fillDefaults(dataset) {
  const d = dataset === 'mnist' ? MNIST_DEFAULTS : PLANE_DEFAULTS;
  field('t-hidden').value = d.hidden;
  field('t-activation').value = d.activation;
  field('t-optimizer').value = d.optimizer;
  field('t-lr').value = d.lr;
  field('t-batch').value = d.batch;
  field('t-epochs').value = d.epochs;
  const l = train.limits;
  field('t-limits').textContent = `Limits here: at most ${l.hiddenLayers} hidden layers of ${l.units} units, ` +
    `batches of ${l.batchSize}, ${dataset === 'mnist' ? l.epochsMnist : l.epochsPlane} epochs on ${dataset}; ` +
    'one training per server at a time; it stops when this page goes away.';
  if (train.status === 'idle') {
    showPanels(dataset);
  }
}

function settings() {
  const number = (id, name) => {
    const v = Number(field(id).value);
    if (field(id).value.trim() === '' || !Number.isFinite(v)) {
      throw new Error(`${name}: not a number`);
    }
    return v;
  };
  const hidden = field('t-hidden').value.split(',').map(s => s.trim()).filter(s => s !== '').map(Number);
  return {dataset: field('t-dataset').value, hidden, activation: field('t-activation').value,
    optimizer: field('t-optimizer').value, learningRate: number('t-lr', 'learning rate'),
    batchSize: number('t-batch', 'batch size'), epochs: number('t-epochs', 'epochs'), seed: number('t-seed', 'seed'),
    inputDropout: number('t-input-dropout', 'input dropout'), dropout: number('t-dropout', 'hidden dropout'),
    weightDecay: number('t-decay', 'weight decay'),
    augment: field('t-dataset').value === 'mnist' ? number('t-augment', 'augment') : 0};
}

field('t-dataset').addEventListener('change', () => fillDefaults(field('t-dataset').value));
field('t-start').addEventListener('click', async () => {
  try {
    const answer = await post('/api/train/start', settings());
    train.version = 0;
    train.dataset = answer.started.dataset;
    showPanels(train.dataset);
    field('live-weights').replaceChildren();
    field('unit-tiles').replaceChildren();
    showError('');
    sendDrawing();
  } catch (e) {
    showError(e.message);
  }
});
field('t-pause').addEventListener('click', () => button(train.status === 'paused' ? 'resume' : 'pause'));
field('t-step').addEventListener('click', () => button('step'));
field('t-reset').addEventListener('click', () => button('reset'));

async function button(action) {
  try {
    await post(`/api/train/${action}`);
    showError('');
  } catch (e) {
    showError(e.message);
  }
}

function buttons(status) {
  const going = status === 'running' || status === 'paused';
  field('t-start').disabled = going;
  field('t-pause').disabled = !going;
  field('t-pause').textContent = status === 'paused' ? 'Resume' : 'Pause';
  field('t-step').disabled = status !== 'paused';
  field('t-reset').disabled = status === 'idle';
  field('t-save').classList.toggle('disabled', status === 'idle');
}

function describe(state) {
  const s = state.settings;
  const shape = `${s.layers.join('-')} on ${s.dataset}`;
  const last = state.epochPoints.length ? state.epochPoints[state.epochPoints.length - 1] : null;
  const test = last ? `; test accuracy ${(100 * last[4]).toFixed(2)}% after epoch ${last[0]}` : '';
  switch (state.status) {
    case 'running': return `training ${shape}${test}`;
    case 'paused': return `paused after step ${state.steps.toLocaleString()} (${shape})${test}`;
    case 'finished': return `finished ${shape}${test}`;
    default: return `${state.status}: ${state.message}${test}`;
  }
}

function render(state) {
  train.status = state.status;
  train.last = state;
  buttons(state.status);
  if (state.status === 'idle') {
    field('t-status').textContent = 'Choose the settings and press Start.';
    for (const id of ['c-epoch', 'c-batch', 'c-speed', 'c-epoch-speed']) {
      field(id).textContent = '–';
    }
    field('c-steps').textContent = '0';
    document.body.dataset.trainSteps = '0';
    document.body.dataset.trainStatus = 'idle';
    drawCurves({curve: [], epochPoints: [], epochs: Number(field('t-epochs').value) || 1});
    drawThinking(null);
    return;
  }
  train.dataset = state.settings.dataset;
  showPanels(train.dataset);
  field('t-status').textContent = describe(state);
  field('c-epoch').textContent = `${state.epoch} / ${state.epochs}`;
  field('c-batch').textContent = `${state.batch.toLocaleString()} / ${state.batches.toLocaleString()}`;
  field('c-steps').textContent = state.steps.toLocaleString();
  field('c-speed').textContent = state.imagesPerSecond > 0 ? Math.round(state.imagesPerSecond).toLocaleString() : '–';
  field('c-epoch-speed').textContent = state.lastEpochSeconds > 0
    ? `${state.lastEpochSeconds.toFixed(2)} s, ${Math.round(state.lastEpochImagesPerSecond).toLocaleString()} images/s` : '–';
  document.body.dataset.trainSteps = String(state.steps);
  document.body.dataset.trainStatus = state.status;
  drawCurves(state);
  if (state.weights) {
    drawWeights(state.weights);
  }
  if (state.drawing !== undefined) {
    drawThinking(state.drawing);
  }
  if (state.plane) {
    drawPlane(state.plane);
    drawUnits(state.plane);
  }
}

// Long polls: each returns when a newer snapshot is published (or after two seconds); idle, twice a second.
async function poll() {
  let wait = 20;
  try {
    const response = await fetch(`/api/train/state?after=${train.version}`);
    const state = await response.json();
    if (state.version !== train.version || state.status === 'idle') {
      train.version = state.version;
      const now = performance.now();
      train.arrivals.push(now);
      train.arrivals = train.arrivals.filter(t => now - t <= 1000);
      field('c-updates').textContent = state.status === 'running' ? String(train.arrivals.length) : '0';
      render(state);
    }
    wait = state.status === 'idle' ? 500 : 20;
  } catch (e) {
    wait = 1000;
  }
  setTimeout(poll, wait);
}

// The pad: strokes in white on black, sent as a PNG (one request at a time) whenever they change.
const trainPad = field('train-pad');
const trainInk = trainPad.getContext('2d');
const trainStrokes = [];
let trainStroke = null;
let drawingOut = false;
let drawingAgain = false;

function redrawTrainPad() {
  trainInk.fillStyle = '#000';
  trainInk.fillRect(0, 0, trainPad.width, trainPad.height);
  drawStrokes(trainInk, trainStrokes, 13);
}

trainPad.addEventListener('pointerdown', event => {
  trainPad.setPointerCapture(event.pointerId);
  trainStroke = [canvasPoint(trainPad, event)];
  trainStrokes.push(trainStroke);
  redrawTrainPad();
});
trainPad.addEventListener('pointermove', event => {
  if (trainStroke) {
    trainStroke.push(canvasPoint(trainPad, event));
    redrawTrainPad();
    sendDrawing();
  }
});
for (const type of ['pointerup', 'pointercancel']) {
  trainPad.addEventListener(type, () => {
    if (trainStroke) {
      trainStroke = null;
      sendDrawing();
    }
  });
}
field('t-clear').addEventListener('click', () => {
  trainStrokes.length = 0;
  redrawTrainPad();
  drawThinking(null);
});

async function sendDrawing() {
  if (trainStrokes.length === 0 || train.dataset !== 'mnist') {
    return;
  }
  if (drawingOut) {
    drawingAgain = true;
    return;
  }
  drawingOut = true;
  try {
    await post('/api/train/drawing', {image: trainPad.toDataURL('image/png')});
  } catch (e) {
    // no training yet: the drawing is sent again when one starts
  } finally {
    drawingOut = false;
    if (drawingAgain) {
      drawingAgain = false;
      sendDrawing();
    }
  }
}

async function startTrainView() {
  redrawTrainPad();
  try {
    const options = await (await fetch('/api/train/options')).json();
    train.limits = options.limits;
    for (const [id, values] of [['t-dataset', options.datasets], ['t-activation', options.activations],
      ['t-optimizer', options.optimizers]]) {
      for (const v of values) {
        const option = document.createElement('option');
        option.value = v;
        option.textContent = v;
        field(id).append(option);
      }
    }
    fillDefaults('mnist');
    document.body.dataset.trainReady = 'true';
  } catch (e) {
    showError(e.message);
  }
  poll();
}
startTrainView();

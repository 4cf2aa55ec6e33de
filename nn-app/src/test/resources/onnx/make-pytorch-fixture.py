#!/usr/bin/python3
"""Makes the PyTorch fixture of nn's ONNX import test: a 784-32-10 MLP (Flatten, Linear, ReLU, Linear, Softmax)
trained by PyTorch on the bundled MNIST, exported with torch.onnx.export, and the test accuracy PyTorch measured.

Run from the repository root with Debian's python3-torch (apt-get install python3-torch):
    /usr/bin/python3 nn-app/src/test/resources/onnx/make-pytorch-fixture.py
It writes pytorch-784-32-10.onnx and pytorch-784-32-10.json beside this script; both are committed.
"""
import gzip
import json
import pathlib
import struct

import numpy as np
import torch

HERE = pathlib.Path(__file__).resolve().parent
DATA = HERE.parents[4] / "data"
NAME = "pytorch-784-32-10"


def idx(name):
    with gzip.open(DATA / name) as f:
        raw = f.read()
    dims = raw[3]
    shape = struct.unpack(">" + "I" * dims, raw[4:4 + 4 * dims])
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def pixels(images):
    # as nn feeds a network: bytes times the float32 1/255, shaped as one-channel pictures
    return torch.from_numpy(images.astype(np.float32)).mul(torch.tensor(1 / 255, dtype=torch.float32)) \
        .reshape(-1, 1, 28, 28)


def main():
    torch.manual_seed(0)
    torch.set_num_threads(2)
    x_train, y_train = pixels(idx("train-images-idx3-ubyte.gz")), torch.from_numpy(
        idx("train-labels-idx1-ubyte.gz").astype(np.int64))
    x_test, y_test = pixels(idx("t10k-images-idx3-ubyte.gz")), idx("t10k-labels-idx1-ubyte.gz")
    mlp = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(784, 32), torch.nn.ReLU(), torch.nn.Linear(32, 10))
    optimizer = torch.optim.Adam(mlp.parameters(), lr=1e-3)
    epochs, batch = 3, 64
    for epoch in range(epochs):
        order = torch.randperm(len(x_train))
        for start in range(0, len(order), batch):
            rows = order[start:start + batch]
            optimizer.zero_grad()
            torch.nn.functional.cross_entropy(mlp(x_train[rows]), y_train[rows]).backward()
            optimizer.step()
    model = torch.nn.Sequential(mlp, torch.nn.Softmax(dim=1)).eval()
    with torch.no_grad():
        probabilities = model(x_test)
    predicted = probabilities.argmax(dim=1).numpy()
    correct = int((predicted == y_test).sum())
    torch.onnx.export(model, x_test[:1], str(HERE / (NAME + ".onnx")), input_names=["image"],
                      output_names=["probabilities"], dynamic_axes={"image": {0: "batch"},
                                                                    "probabilities": {0: "batch"}},
                      opset_version=17)
    report = {
        "producer": "pytorch " + torch.__version__,
        "epochs": epochs,
        "testSamples": len(y_test),
        "testCorrect": correct,
        "testAccuracy": correct / len(y_test),
        "firstProbabilities": [float(p) for p in probabilities[0]],
    }
    (HERE / (NAME + ".json")).write_text(json.dumps(report, indent=2) + "\n")
    print(f"{NAME}: {correct} of {len(y_test)} test images right ({100 * correct / len(y_test):.2f}%)")


if __name__ == "__main__":
    main()

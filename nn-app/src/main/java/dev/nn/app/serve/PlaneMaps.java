package dev.nn.app.serve;

import dev.nn.core.data.Dataset;
import dev.nn.core.layer.Dense;
import dev.nn.core.network.Network;
import dev.nn.core.tensor.Matrix;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a network of two inputs does with the plane, as the TensorFlow Playground shows it: the class and the
 * confidence of every cell of a {@value #GRID}×{@value #GRID} grid over the test points' range (the heat map
 * behind the points), and each hidden unit's activation on a coarser {@value #TILE}×{@value #TILE} grid (its
 * tile). Values travel as base64 bytes. Made on the training thread between batches; its buffers are made once.
 */
final class PlaneMaps {

    /** Cells along each side of the map. */
    static final int GRID = 48;
    /** Cells along each side of a unit's tile. */
    static final int TILE = 20;
    /** Units of a layer that get a tile; the rest are left out. */
    static final int MAX_TILES = 64;

    private final Network network;
    private final double minX, maxX, minY, maxY;
    private final List<float[]> points = new ArrayList<>();
    private final Matrix input = new Matrix(GRID * GRID, 2);
    private final float[][] outputs;

    /** Maps of {@code network} over {@code test}'s range; the network is made ready for a grid's rows here. */
    PlaneMaps(Network network, Dataset test) {
        this.network = network;
        network.prepare(GRID * GRID);
        int n = test.size();
        Matrix xy = test.samples();
        double x0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y0 = Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            float x = xy.get(i, 0), y = xy.get(i, 1);
            x0 = Math.min(x0, x);
            x1 = Math.max(x1, x);
            y0 = Math.min(y0, y);
            y1 = Math.max(y1, y);
            points.add(new float[]{x, y, test.label(i)});
        }
        double mx = 0.1 * Math.max(x1 - x0, 1e-3), my = 0.1 * Math.max(y1 - y0, 1e-3);
        minX = x0 - mx;
        maxX = x1 + mx;
        minY = y0 - my;
        maxY = y1 + my;
        outputs = new float[network.layers().size()][];
        for (int l = 0; l < outputs.length; l++) {
            outputs[l] = new float[GRID * GRID * network.layers().get(l).outputSize()];
        }
    }

    /** The range, the test points and the maps as they are now. */
    Map<String, Object> now() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("range", new double[]{minX, maxX, minY, maxY});
        m.put("points", points);
        m.put("classes", network.outputSize());
        forward(GRID);
        int cells = GRID * GRID, classes = network.outputSize();
        byte[] winner = new byte[cells], confidence = new byte[cells];
        float[] logits = outputs[outputs.length - 1];
        for (int c = 0; c < cells; c++) {
            int best = 0;
            float max = logits[c * classes];
            for (int k = 1; k < classes; k++) {
                if (logits[c * classes + k] > max) {
                    max = logits[c * classes + k];
                    best = k;
                }
            }
            double sum = 0;
            for (int k = 0; k < classes; k++) {
                sum += Math.exp(logits[c * classes + k] - max);
            }
            winner[c] = (byte) best;
            confidence[c] = (byte) Math.round(255 / sum);
        }
        m.put("grid", GRID);
        m.put("winner", Base64.getEncoder().encodeToString(winner));
        m.put("confidence", Base64.getEncoder().encodeToString(confidence));
        forward(TILE);
        List<Map<String, Object>> layers = new ArrayList<>();
        for (int l = 0; l < outputs.length - 1; l++) {
            layers.add(tiles(l));
        }
        m.put("tile", TILE);
        m.put("units", layers);
        return m;
    }

    /** Layer l's units on the tile grid, each scaled by its largest absolute value: 128 ± 127·a/max. */
    private Map<String, Object> tiles(int l) {
        int width = network.layers().get(l).outputSize(), shown = Math.min(width, MAX_TILES), cells = TILE * TILE;
        byte[] bytes = new byte[shown * cells];
        for (int u = 0; u < shown; u++) {
            float largest = 1e-12f;
            for (int c = 0; c < cells; c++) {
                largest = Math.max(largest, Math.abs(outputs[l][c * width + u]));
            }
            for (int c = 0; c < cells; c++) {
                bytes[u * cells + c] = (byte) Math.round(128 + 127 * outputs[l][c * width + u] / largest);
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("units", width);
        m.put("shown", shown);
        m.put("values", Base64.getEncoder().encodeToString(bytes));
        return m;
    }

    /** Every layer's output at the centres of a side×side grid over the range, rows from the bottom up. */
    private void forward(int side) {
        int cells = side * side;
        input.setRows(cells);
        float[] data = input.data();
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                data[2 * (r * side + c)] = (float) (minX + (maxX - minX) * (c + 0.5) / side);
                data[2 * (r * side + c) + 1] = (float) (minY + (maxY - minY) * (r + 0.5) / side);
            }
        }
        network.forward(input);
        for (int l = 0; l < outputs.length; l++) {
            network.layers().get(l).lastOutputs(cells, outputs[l]);
        }
    }
}

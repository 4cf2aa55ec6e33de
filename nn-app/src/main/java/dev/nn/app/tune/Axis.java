package dev.nn.app.tune;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * The values one hyper-parameter takes in a search: a list ({@code 0.9,0.95}) or an inclusive range with a step
 * ({@code 0.85:0.95:0.01}, computed in decimal so that 0.85 + 10·0.01 is exactly 0.95), or for random search
 * only a range without a step ({@code 1e-4:1e-2}). Grid search uses every value; random search draws from the
 * range (log-uniformly when {@code logScale}) or picks from the list.
 *
 * @param flag the flag it came from, for messages
 * @param values the grid values, in order (none for a range without a step)
 * @param low the range's start (or the list's smallest value)
 * @param high the range's end (or the list's largest value)
 * @param range whether it was given as a range
 */
public record Axis(String flag, List<Double> values, double low, double high, boolean range) {

    /** At most this many grid values per axis. */
    static final int MAX_VALUES = 1000;

    /** Parses {@code text} given with {@code flag}. */
    public static Axis parse(String flag, String text) {
        try {
            if (text.contains(":")) {
                String[] parts = text.split(":", -1);
                if (parts.length != 2 && parts.length != 3) {
                    throw new IllegalArgumentException(flag + " " + text + ": a range is START:STOP:STEP"
                            + " (or START:STOP for --random)");
                }
                BigDecimal start = new BigDecimal(parts[0].strip());
                BigDecimal stop = new BigDecimal(parts[1].strip());
                if (parts.length == 2) {
                    if (stop.compareTo(start) < 0) {
                        throw new IllegalArgumentException(flag + " " + text + ": needs START <= STOP");
                    }
                    return new Axis(flag, List.of(), start.doubleValue(), stop.doubleValue(), true);
                }
                BigDecimal step = new BigDecimal(parts[2].strip());
                if (step.signum() <= 0 || stop.compareTo(start) < 0) {
                    throw new IllegalArgumentException(flag + " " + text + ": needs START <= STOP and STEP > 0");
                }
                List<Double> values = new ArrayList<>();
                for (BigDecimal v = start; v.compareTo(stop) <= 0; v = v.add(step)) {
                    if (values.size() == MAX_VALUES) {
                        throw new IllegalArgumentException(flag + " " + text + ": more than " + MAX_VALUES + " values");
                    }
                    values.add(v.doubleValue());
                }
                return new Axis(flag, values, start.doubleValue(), stop.doubleValue(), true);
            }
            List<Double> values = new ArrayList<>();
            for (String part : text.split(",")) {
                values.add(Double.parseDouble(part.strip()));
            }
            return new Axis(flag, values, values.stream().mapToDouble(d -> d).min().orElseThrow(),
                    values.stream().mapToDouble(d -> d).max().orElseThrow(), false);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " " + text + ": not a number, a list (a,b,c) or a range"
                    + " (start:stop:step)");
        }
    }

    /** The grid values; an exception when the range has no step. */
    public List<Double> gridValues() {
        if (values.isEmpty()) {
            throw new IllegalArgumentException(flag + ": a range without a step is for --random; give"
                    + " START:STOP:STEP for a grid");
        }
        return values;
    }

    /**
     * Every combination of one value from each axis's grid, the first axis outermost (it changes slowest), the
     * last innermost: the order of nested loops over them.
     */
    public static List<double[]> product(List<List<Double>> grids) {
        List<double[]> combinations = new ArrayList<>();
        combinations.add(new double[0]);
        for (List<Double> grid : grids) {
            List<double[]> longer = new ArrayList<>();
            for (double[] start : combinations) {
                for (double v : grid) {
                    double[] next = Arrays.copyOf(start, start.length + 1);
                    next[start.length] = v;
                    longer.add(next);
                }
            }
            combinations = longer;
        }
        return combinations;
    }

    /** A single value. */
    public static Axis of(String flag, double value) {
        return new Axis(flag, List.of(value), value, value, false);
    }

    /** A value drawn at random: uniformly (log-uniformly if {@code logScale}) from a range, or from the list. */
    public double draw(DoubleSupplier uniform, boolean logScale) {
        double u = uniform.getAsDouble();
        if (!range) {
            return values.get(Math.min(values.size() - 1, (int) (u * values.size())));
        }
        if (logScale && low > 0) {
            return Math.exp(Math.log(low) + u * (Math.log(high) - Math.log(low)));
        }
        return low + u * (high - low);
    }
}

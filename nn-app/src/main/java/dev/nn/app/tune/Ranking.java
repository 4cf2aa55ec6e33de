package dev.nn.app.tune;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A search's trials grouped by setting, ranked by mean test accuracy over their seeds. */
public final class Ranking {

    /**
     * One setting's figures over its seeds.
     *
     * @param setting the setting
     * @param seeds trials run
     * @param meanAccuracy mean test accuracy
     * @param sdAccuracy standard deviation of the test accuracy
     * @param meanCost mean final training loss
     */
    public record Row(Setting setting, int seeds, double meanAccuracy, double sdAccuracy, double meanCost) {
    }

    private final List<Row> rows;

    /** Ranks {@code trials}. */
    public Ranking(List<Trial> trials) {
        Map<String, List<Trial>> bySetting = new LinkedHashMap<>();
        for (Trial t : trials) {
            bySetting.computeIfAbsent(t.setting().key(), k -> new ArrayList<>()).add(t);
        }
        List<Row> ranked = new ArrayList<>();
        for (List<Trial> group : bySetting.values()) {
            double mean = group.stream().mapToDouble(Trial::accuracy).average().orElse(0);
            double variance = group.stream().mapToDouble(t -> (t.accuracy() - mean) * (t.accuracy() - mean)).sum()
                    / Math.max(1, group.size() - 1);
            ranked.add(new Row(group.getFirst().setting(), group.size(), mean, Math.sqrt(variance),
                    group.stream().mapToDouble(Trial::cost).average().orElse(0)));
        }
        ranked.sort(Comparator.comparingDouble(Row::meanAccuracy).reversed());
        this.rows = List.copyOf(ranked);
    }

    /** The settings, best first. */
    public List<Row> rows() {
        return rows;
    }

    /** Prints the best {@code top} settings as a table. */
    public void print(PrintWriter out, int top) {
        out.printf("%4s  %-52s %5s %9s %8s %10s%n", "rank", "setting", "seeds", "accuracy", "sd", "train loss");
        for (int i = 0; i < Math.min(top, rows.size()); i++) {
            Row r = rows.get(i);
            out.printf("%4d  %-52s %5d %8.2f%% %7.2f%% %10.4f%n", i + 1, r.setting().key(), r.seeds(),
                    100 * r.meanAccuracy(), 100 * r.sdAccuracy(), r.meanCost());
        }
        out.println("accuracy: mean test accuracy over the seeds; sd: its standard deviation;");
        out.println("train loss: mean training loss of the last epoch (the CSV's cost column)");
    }

    /** Mean test accuracy by rank, with ±1 standard deviation over seeds as error bars. */
    public XYChart chart(String title) {
        XYChart chart = new XYChartBuilder().width(900).height(520).title(title)
                .xAxisTitle("rank of setting (best first)").yAxisTitle("test accuracy (%)").build();
        chart.getStyler().setLegendVisible(false);
        double[] rank = new double[rows.size()];
        double[] accuracy = new double[rows.size()];
        double[] sd = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            rank[i] = i + 1;
            accuracy[i] = 100 * rows.get(i).meanAccuracy();
            sd[i] = 100 * rows.get(i).sdAccuracy();
        }
        XYSeries series = chart.addSeries("mean over seeds", rank, accuracy, sd);
        series.setMarker(SeriesMarkers.CIRCLE);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        return chart;
    }
}

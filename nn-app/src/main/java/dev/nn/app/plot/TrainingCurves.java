package dev.nn.app.plot;

import dev.nn.core.train.EpochStats;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.util.List;

/**
 * Training curves: train, validation (when held out) and test loss on the left axis, their accuracies on the
 * right, per epoch.
 */
public final class TrainingCurves {

    private TrainingCurves() {
    }

    /** The chart for {@code history}, titled {@code title}. */
    public static XYChart chart(String title, List<EpochStats> history) {
        XYChart chart = new XYChartBuilder().width(900).height(520).title(title).xAxisTitle("epoch")
                .yAxisTitle("mean loss").build();
        chart.getStyler().setTheme(new org.knowm.xchart.style.theme.MatlabTheme());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        chart.setYAxisGroupTitle(1, "accuracy (%)");
        double[] epochs = history.stream().mapToDouble(EpochStats::epoch).toArray();
        chart.addSeries("train loss", epochs, history.stream().mapToDouble(EpochStats::trainLoss).toArray())
                .setMarker(SeriesMarkers.CIRCLE);
        boolean validated = history.stream().allMatch(EpochStats::validated);
        if (validated) {
            chart.addSeries("validation loss", epochs, history.stream().mapToDouble(EpochStats::validationLoss)
                    .toArray()).setMarker(SeriesMarkers.CROSS);
        }
        chart.addSeries("test loss", epochs, history.stream().mapToDouble(EpochStats::testLoss).toArray())
                .setMarker(SeriesMarkers.DIAMOND);
        if (history.stream().noneMatch(s -> Double.isNaN(s.trainAccuracy()))) {
            XYSeries trainAccuracy = chart.addSeries("train accuracy",
                    epochs, history.stream().mapToDouble(s -> 100 * s.trainAccuracy()).toArray());
            trainAccuracy.setYAxisGroup(1);
            trainAccuracy.setMarker(SeriesMarkers.TRIANGLE_UP);
        }
        if (validated) {
            XYSeries validationAccuracy = chart.addSeries("validation accuracy",
                    epochs, history.stream().mapToDouble(s -> 100 * s.validationAccuracy()).toArray());
            validationAccuracy.setYAxisGroup(1);
            validationAccuracy.setMarker(SeriesMarkers.TRIANGLE_DOWN);
        }
        XYSeries accuracy = chart.addSeries("test accuracy",
                epochs, history.stream().mapToDouble(s -> 100 * s.testAccuracy()).toArray());
        accuracy.setYAxisGroup(1);
        accuracy.setMarker(SeriesMarkers.SQUARE);
        return chart;
    }
}

package pe.cardumen.ui;

import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import pe.cardumen.ui.map.MapViewModel;
import pe.cardumen.ui.map.ZoneAttribute;

/**
 * The survey timeline over the map: while the zones show biomass, a slider over every survey with
 * stored biomass (◀ ▶ step one survey) picks which survey's latest run the map shows, so trends can be
 * explored without recomputing anything. Hidden when there is at most one survey. JavaFX thread.
 */
final class SurveyTimeline {
    private final BiomassViewModel model;
    private final MapViewModel map;
    private final ResourceBundle texts;
    private final Slider slider = new Slider(0, 0, 0);
    private final Label label = new Label();
    private final HBox box;
    private boolean updating;
    private final ChangeListener<Object> refresh = (o, a, b) -> refresh();

    SurveyTimeline(BiomassViewModel model, MapViewModel map, ResourceBundle texts) {
        this.model = model;
        this.map = map;
        this.texts = texts;
        slider.setId("surveyTimeline");
        slider.setBlockIncrement(1);
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(0);
        slider.setSnapToTicks(true);
        slider.setPrefWidth(320);
        slider.setTooltip(new Tooltip(texts.getString("timeline.tip")));
        label.setId("surveyTimelineLabel");
        label.getStyleClass().add("map-legend-title");
        label.setMinWidth(150);
        Button previous = new Button("◀");
        previous.setId("surveyPrevious");
        previous.setFocusTraversable(false);
        previous.setOnAction(e -> step(-1));
        Button next = new Button("▶");
        next.setId("surveyNext");
        next.setFocusTraversable(false);
        next.setOnAction(e -> step(1));
        Label caption = new Label(texts.getString("timeline.caption"));
        box = new HBox(6, caption, previous, slider, next, label);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(4, 8, 4, 8));
        box.getStyleClass().add("map-legend");
        box.setMaxSize(HBox.USE_PREF_SIZE, HBox.USE_PREF_SIZE);
        slider.valueProperty().addListener((o, a, b) -> {
            if (!updating && !slider.isValueChanging()) {
                choose((int) Math.round(b.doubleValue()));
            }
        });
        slider.valueChangingProperty().addListener((o, was, now) -> {
            if (!now) {
                choose((int) Math.round(slider.getValue()));
            }
        });
        model.surveysProperty().addListener(refresh);
        model.shownProperty().addListener(refresh);
        map.colourByProperty().addListener(refresh);
        refresh();
    }

    Node node() {
        return box;
    }

    /** Removes the listeners on the view models (the window is being rebuilt). */
    void dispose() {
        model.surveysProperty().removeListener(refresh);
        model.shownProperty().removeListener(refresh);
        map.colourByProperty().removeListener(refresh);
    }

    /** Shows the previous ({@code -1}) or next survey. */
    void step(int delta) {
        choose((int) Math.round(slider.getValue()) + delta);
    }

    /** The survey label shown, for tests. */
    String label() {
        return label.getText();
    }

    private void choose(int k) {
        List<BiomassViewModel.StoredSurvey> surveys = model.surveysProperty().get();
        if (k < 0 || k >= surveys.size()) {
            return;
        }
        BiomassViewModel.StoredSurvey s = surveys.get(k);
        if (!s.equals(model.shownProperty().get())) {
            model.show(s);
        }
    }

    private void refresh() {
        List<BiomassViewModel.StoredSurvey> surveys = model.surveysProperty().get();
        boolean visible = surveys.size() > 1 && map.colourByProperty().get() == ZoneAttribute.BIOMASS;
        box.setVisible(visible);
        box.setManaged(visible);
        updating = true;
        slider.setMax(Math.max(0, surveys.size() - 1));
        BiomassViewModel.StoredSurvey current = model.shownProperty().get();
        int k = current == null ? -1 : surveys.indexOf(current);
        if (k >= 0) {
            slider.setValue(k);
            BiomassViewModel.StoredSurvey s = surveys.get(k);
            label.setText(MessageFormat.format(texts.getString("timeline.label"), s.survey() == null ? "—" : s.survey(), k + 1, surveys.size())
                    + (s.simulated() ? " — " + texts.getString("data.simulated") : ""));
        } else {
            label.setText("");
        }
        updating = false;
    }
}

package pe.cardumen.ui.map;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import pe.cardumen.domain.Zone;
import pe.cardumen.geo.Coastline;
import pe.cardumen.geo.ZoneLayer;
import pe.cardumen.render.BaseMapLayer;
import pe.cardumen.render.Choropleth;
import pe.cardumen.render.GraticuleLayer;
import pe.cardumen.render.Legend;
import pe.cardumen.render.MapFrame;
import pe.cardumen.render.MapLayer;
import pe.cardumen.render.MapProjection;
import pe.cardumen.render.MapRenderer;
import pe.cardumen.render.MapViewport;
import pe.cardumen.render.PortsLayer;
import pe.cardumen.render.RasterLayer;
import pe.cardumen.render.RasterLegend;
import pe.cardumen.render.ScaleBarLayer;
import pe.cardumen.render.ScaleBarModel;
import pe.cardumen.render.TrackLayer;
import pe.cardumen.render.WorldShapes;
import pe.cardumen.render.ZoneClasses;
import pe.cardumen.render.ZonesLayer;
import pe.cardumen.ui.Formats;

/**
 * The map control: pan by dragging, zoom with the wheel, the {@code +}/{@code −} keys or buttons, and
 * "zoom to Peru"; hover shows the zone in a tooltip and the status text, click selects it.
 *
 * <p>Rendering follows three steps: the JavaFX thread snapshots the viewport and the (immutable) layers,
 * a single background thread renders them on a {@link pe.cardumen.render.Java2DCanvas}, and the JavaFX thread
 * commits the image. The overlays (selected and hovered zone) and the scale bar are drawn through an
 * {@link FxMapCanvas} with the same layers the paper uses. A newer
 * request supersedes an older one that has not started. All public methods run on the JavaFX thread.
 */
public final class MapView extends BorderPane {
    /** The area "zoom to Peru" shows, lon/lat degrees: the grid's extent with some coast around it. */
    public static final Envelope PERU = MapRenderer.PERU;

    private final MapViewModel model;
    private final ResourceBundle texts;
    private final MapProjection projection = new MapProjection();
    private final MapRenderer renderer = new MapRenderer();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "map-renderer");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong generation = new AtomicLong();
    private boolean disposed;

    private final ImageView image = new ImageView();
    private final Canvas overlay = new Canvas();
    private final Pane imagePane = new Pane(image, overlay);
    private final Canvas scaleBar = new Canvas(230, 44);
    /** The map's drawing area; the legend and scale bar sit in a strip below it, so they never cover zones or graticule labels. */
    private final StackPane canvasPane = new StackPane();
    private final FlowPane legend = new FlowPane(14, 3);
    private final Tooltip tooltip = new Tooltip();

    private final ObjectProperty<MapViewport> viewport = new SimpleObjectProperty<>(this, "viewport");
    private final ReadOnlyIntegerWrapper framesRendered = new ReadOnlyIntegerWrapper(this, "framesRendered");
    private final ReadOnlyStringWrapper scaleText = new ReadOnlyStringWrapper(this, "scaleText", "");

    private volatile List<MapLayer> layers = List.of();
    private MapLayer baseLayer;
    private MapLayer portsLayer;
    private ZonesLayer zonesLayer;
    private WorldShapes zoneShapes;
    private ZoneLayer zoneShapesOwner;
    private final GraticuleLayer graticule = new GraticuleLayer(projection);
    // listeners on the (longer-lived) view model, removed by dispose()
    private final javafx.beans.value.ChangeListener<Coastline> coastListener = (o, a, b) -> setCoastline(b);
    private final javafx.beans.value.ChangeListener<ZoneLayer> zonesListener = (o, a, b) -> setZones(b);
    private final javafx.beans.value.ChangeListener<ZoneAttribute> colourListener = (o, a, b) -> recolour();
    private final javafx.beans.value.ChangeListener<Zone> hoverListener = (o, a, b) -> {
        drawOverlay();
        updateTooltip(b);
    };
    private final javafx.beans.value.ChangeListener<Zone> selectionListener = (o, a, b) -> drawOverlay();
    private final javafx.beans.value.ChangeListener<java.util.List<double[]>> sonarListener = (o, a, b) -> setSonar();
    private final javafx.beans.value.ChangeListener<java.util.Map<String, Double>> zoneNascListener = (o, a, b) -> recolourIfNasc();
    private final javafx.beans.value.ChangeListener<java.util.Map<String, Double>> zoneBiomassListener = (o, a, b) -> recolourIfBiomass();
    private final javafx.beans.value.ChangeListener<MapViewModel.ModelLayer> zoneModelListener = (o, a, b) -> recolourIfModel();
    private MapLayer sonarLayer;
    /** Whether some zones have no value under the current colouring (the legend then shows the no-data class). */
    private boolean zonesNoData;
    private Choropleth zonesLegend;
    private MapLayer rasterLayer;
    private final javafx.beans.value.ChangeListener<MapViewModel.Raster> rasterListener = (o, a, b) -> setRaster(b);
    private final javafx.beans.value.ChangeListener<java.util.Map<String, Double>> zoneSatelliteListener = (o, a, b) -> recolourIfSatellite();
    private final javafx.beans.value.ChangeListener<Boolean> legendChoiceListener = (o, a, b) -> updateLayers();
    private boolean userMoved;
    private boolean tooltipInstalled;
    private double dragX;
    private double dragY;
    private boolean dragged;
    private double[] lastRenderMillis = new double[0];

    public MapView(MapViewModel model, ResourceBundle texts) {
        this.model = model;
        this.texts = texts;
        getStyleClass().add("map-view");
        setMinSize(200, 150);
        setFocusTraversable(true);
        imagePane.setManaged(true);
        overlay.setMouseTransparent(true);
        image.setMouseTransparent(true);

        legend.getStyleClass().add("map-legend");
        legend.setId("mapLegend");
        legend.setPadding(new Insets(4, 8, 4, 8));
        legend.setMouseTransparent(true);
        legend.setAlignment(Pos.CENTER_LEFT);
        legend.setMinWidth(0);
        legend.setPrefWrapLength(900);
        HBox.setHgrow(legend, Priority.ALWAYS);
        scaleBar.setMouseTransparent(true);

        Button zoomIn = button("+", "map.zoomIn", () -> zoomBy(2));
        Button zoomOut = button("−", "map.zoomOut", () -> zoomBy(0.5));
        Button home = button("PE", "map.zoomToPeru", this::zoomToPeru);
        zoomIn.setId("zoomIn");
        zoomOut.setId("zoomOut");
        home.setId("zoomToPeru");
        VBox buttons = new VBox(4, zoomIn, zoomOut, home);
        buttons.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        StackPane.setAlignment(buttons, Pos.TOP_RIGHT);
        StackPane.setMargin(buttons, new Insets(22, 10, 10, 10));

        canvasPane.getChildren().addAll(imagePane, buttons);
        canvasPane.setMinSize(200, 150);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.SOMETIMES);
        HBox bar = new HBox(8, legend, gap, scaleBar);
        bar.getStyleClass().add("map-legend-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setMinHeight(50);
        setCenter(canvasPane);
        setBottom(bar);
        tooltip.setShowDelay(Duration.millis(250));
        tooltip.setHideDelay(Duration.ZERO);

        canvasPane.widthProperty().addListener((o, a, b) -> resize());
        canvasPane.heightProperty().addListener((o, a, b) -> resize());
        viewport.addListener((o, a, b) -> {
            updateScaleBar();
            requestRender();
        });
        model.coastlineProperty().addListener(coastListener);
        model.zonesProperty().addListener(zonesListener);
        model.colourByProperty().addListener(colourListener);
        model.hoveredProperty().addListener(hoverListener);
        model.selectedProperty().addListener(selectionListener);
        model.trackProperty().addListener(sonarListener);
        model.nascPointsProperty().addListener(sonarListener);
        model.zoneNascProperty().addListener(zoneNascListener);
        model.zoneBiomassProperty().addListener(zoneBiomassListener);
        model.zoneModelProperty().addListener(zoneModelListener);
        model.rasterProperty().addListener(rasterListener);
        model.zoneSatelliteProperty().addListener(zoneSatelliteListener);
        model.legendDescribesGridProperty().addListener(legendChoiceListener);
        installMouseHandlers();
        if (model.coastlineProperty().get() != null) {
            setCoastline(model.coastlineProperty().get());
        }
        if (model.zonesProperty().get() != null) {
            setZones(model.zonesProperty().get());
        }
    }

    private Button button(String text, String tooltipKey, Runnable action) {
        Button b = new Button(text);
        b.getStyleClass().add("map-button");
        b.setMinWidth(34);
        b.setFocusTraversable(false);
        b.setTooltip(new Tooltip(texts.getString(tooltipKey)));
        b.setOnAction(e -> action.run());
        return b;
    }

    /** The tooltip's text for the zone under the pointer (empty when there is none). */
    public String tooltipText() {
        return tooltipInstalled ? tooltip.getText() : "";
    }

    /** The current view. */
    public ObjectProperty<MapViewport> viewportProperty() {
        return viewport;
    }

    /** How many frames have been committed to the screen; tests wait on it. */
    public ReadOnlyIntegerProperty framesRenderedProperty() {
        return framesRendered.getReadOnlyProperty();
    }

    /** The scale bar's labels, e.g. {@code 100 nmi / 200 km}. */
    public ReadOnlyStringProperty scaleTextProperty() {
        return scaleText.getReadOnlyProperty();
    }

    /** The last committed frame, or {@code null} before the first. */
    public WritableImage currentImage() {
        return (WritableImage) image.getImage();
    }

    /** Screen-local pixel position of a lon/lat point in the current view. */
    public double[] toLocal(double lon, double lat) {
        double[] m = projection.project(lon, lat);
        MapViewport v = viewport.get();
        return new double[] {v.screenX(m[0]), v.screenY(m[1])};
    }

    /** Zooms in (factor &gt; 1) or out about the view's centre. */
    public void zoomBy(double factor) {
        MapViewport v = viewport.get();
        if (v != null) {
            userMoved = true;
            viewport.set(v.zoomed(factor, v.width() / 2.0, v.height() / 2.0));
        }
    }

    /** Shows the Peruvian coast and the whole grid; the view then follows window resizes until the user moves it. */
    public void zoomToPeru() {
        userMoved = false;
        fitPeru();
    }

    private void fitPeru() {
        double[] sw = projection.project(PERU.getMinX(), PERU.getMinY());
        double[] ne = projection.project(PERU.getMaxX(), PERU.getMaxY());
        viewport.set(MapViewport.fit(new Envelope(sw[0], ne[0], sw[1], ne[1]), (int) Math.max(1, canvasPane.getWidth()), (int) Math.max(1, canvasPane.getHeight()), 0.0));
    }

    /** Render times of recent frames, milliseconds (for the status bar's tooltip). */
    public double[] lastRenderMillis() {
        return lastRenderMillis.clone();
    }

    /** Detaches the view from its view model and stops the rendering thread; the view is unusable afterwards. */
    public void dispose() {
        model.coastlineProperty().removeListener(coastListener);
        model.zonesProperty().removeListener(zonesListener);
        model.colourByProperty().removeListener(colourListener);
        model.hoveredProperty().removeListener(hoverListener);
        model.selectedProperty().removeListener(selectionListener);
        model.trackProperty().removeListener(sonarListener);
        model.nascPointsProperty().removeListener(sonarListener);
        model.zoneNascProperty().removeListener(zoneNascListener);
        model.zoneBiomassProperty().removeListener(zoneBiomassListener);
        model.zoneModelProperty().removeListener(zoneModelListener);
        model.rasterProperty().removeListener(rasterListener);
        model.zoneSatelliteProperty().removeListener(zoneSatelliteListener);
        model.legendDescribesGridProperty().removeListener(legendChoiceListener);
        disposed = true;
        worker.shutdownNow();
    }

    /** Runs work on the rendering thread; after {@link #dispose()} (updates already queued on the JavaFX thread) it does nothing. */
    private void background(Runnable work) {
        if (!disposed) {
            worker.submit(work);
        }
    }

    private void resize() {
        int w = (int) Math.max(1, canvasPane.getWidth());
        int h = (int) Math.max(1, canvasPane.getHeight());
        overlay.setWidth(w);
        overlay.setHeight(h);
        MapViewport v = viewport.get();
        if (v == null || !userMoved) {
            fitPeru();
        } else {
            viewport.set(v.resized(w, h));
        }
    }

    private void setCoastline(Coastline coast) {
        if (coast == null) {
            baseLayer = null;
            portsLayer = null;
            updateLayers();
            return;
        }
        background(() -> {
            MapLayer base = new BaseMapLayer(coast.drawnSea(), coast.land(), coast.mainland(), projection);
            MapLayer ports;
            try {
                ports = new PortsLayer(pe.cardumen.geo.Ports.bundled(), projection);
            } catch (java.io.IOException e) {
                System.getLogger(MapView.class.getName()).log(System.Logger.Level.WARNING, "no port labels", e);
                ports = null;
            }
            MapLayer portLabels = ports;
            Platform.runLater(() -> {
                baseLayer = base;
                portsLayer = portLabels;
                updateLayers();
            });
        });
    }

    private void recolourIfModel() {
        if (model.colourByProperty().get() == ZoneAttribute.MODEL) {
            recolour();
        }
    }

    private void recolourIfBiomass() {
        if (model.colourByProperty().get() == ZoneAttribute.BIOMASS) {
            recolour();
        }
    }

    private void recolourIfSatellite() {
        if (model.colourByProperty().get() == ZoneAttribute.SATELLITE) {
            recolour();
        }
    }

    private void setRaster(MapViewModel.Raster r) {
        if (r == null) {
            rasterLayer = null;
            updateLayers();
            return;
        }
        background(() -> {
            MapLayer layer;
            try {
                layer = new RasterLayer(r.lat(), r.lon(), r.values(), r.legend(), projection);
            } catch (RuntimeException e) {
                System.getLogger(MapView.class.getName()).log(System.Logger.Level.WARNING, "cannot draw the grid", e);
                return;
            }
            Platform.runLater(() -> {
                if (model.rasterProperty().get() == r) {
                    rasterLayer = layer;
                    updateLayers();
                }
            });
        });
    }

    private void recolourIfNasc() {
        if (model.colourByProperty().get() == ZoneAttribute.NASC) {
            recolour();
        }
    }

    private void recolour() {
        setZones(model.zonesProperty().get());
    }

    private void setZones(ZoneLayer zones) {
        ZoneAttribute attribute = model.colourByProperty().get();
        String title = model.colourTitle(texts.getString(attribute.titleKey()));
        if (zones == null) {
            zonesLayer = null;
            zoneShapes = null;
            zonesLegend = null;
            updateLayers();
            return;
        }
        WorldShapes existing = zoneShapesOwner == zones ? zoneShapes : null;
        // the values are read here, on the JavaFX thread, where the view model changes; the rest runs in the background
        double[] values = new double[zones.size()];
        List<Geometry> geoms = new ArrayList<>(zones.size());
        int i = 0;
        for (Zone z : zones.zones()) {
            geoms.add(z.geometry());
            values[i++] = model.colourValue(z);
        }
        MapViewModel.ModelLayer modelLayer = model.zoneModelProperty().get();
        MapViewModel.ZoneScale scale = attribute == ZoneAttribute.SATELLITE ? model.zoneSatelliteScaleProperty().get() : null;
        background(() -> {
            WorldShapes shapes = existing != null ? existing : new WorldShapes(geoms, projection);
            Choropleth choropleth = classes(attribute, title, values, modelLayer, scale);
            ZonesLayer layer = new ZonesLayer(shapes, values, choropleth);
            boolean noData = java.util.Arrays.stream(values).anyMatch(Double::isNaN);
            Platform.runLater(() -> {
                if (model.zonesProperty().get() == zones) {
                    zoneShapes = shapes;
                    zoneShapesOwner = zones;
                    zonesLayer = layer;
                    zonesNoData = noData;
                    zonesLegend = choropleth;
                    updateLayers();
                }
            });
        });
    }

    /**
     * The classes of a colouring, by {@link ZoneClasses}' rules (the report classes its map by the same):
     * differences on a diverging ramp, satellite fields on the grid's fixed scale, biomass and NASC with a
     * zero class, predictions with a near-zero class, other attributes in quantiles.
     */
    static Choropleth classes(ZoneAttribute attribute, String title, double[] values, MapViewModel.ModelLayer modelLayer, MapViewModel.ZoneScale scale) {
        if (attribute == ZoneAttribute.MODEL && modelLayer != null && modelLayer.diverging()) {
            return ZoneClasses.difference(title, values);
        }
        if (scale != null) {
            return ZoneClasses.satellite(title, scale.breaks(), scale.diverging());
        }
        if (attribute == ZoneAttribute.MODEL) {
            return ZoneClasses.prediction(title, values);
        }
        if (attribute == ZoneAttribute.BIOMASS || attribute == ZoneAttribute.NASC) {
            return ZoneClasses.zeroInflated(title, values);
        }
        return ZoneClasses.quantiles(title, values, attribute == ZoneAttribute.SATELLITE);
    }

    private void setSonar() {
        java.util.List<double[]> track = model.trackProperty().get();
        java.util.List<double[]> points = model.nascPointsProperty().get();
        sonarLayer = track.isEmpty() && points.isEmpty() ? null : new TrackLayer(track, points, projection);
        updateLayers();
    }

    private void updateLayers() {
        List<MapLayer> list = new ArrayList<>();
        if (baseLayer != null) {
            list.add(baseLayer);
        }
        if (rasterLayer != null) {
            list.add(rasterLayer);
        }
        boolean gridLegend = rasterLayer != null && model.legendDescribesGridProperty().get();
        if (zonesLayer != null) {
            // over a grid the zones are filled (the legend describes them) unless the user asked the legend to describe the grid
            list.add(gridLegend ? zonesLayer.outlinesOnly() : zonesLayer);
        }
        if (gridLegend) {
            updateRasterLegend(model.rasterProperty().get());
        } else {
            updateLegend(zonesLegend);
        }
        list.add(graticule);
        if (portsLayer != null && baseLayer != null) {
            list.add(portsLayer);
        }
        if (sonarLayer != null) {
            list.add(sonarLayer);
        }
        layers = List.copyOf(list);
        requestRender();
        drawOverlay();
    }

    private void requestRender() {
        MapViewport v = viewport.get();
        if (v == null || canvasPane.getWidth() < 1) {
            return;
        }
        long gen = generation.incrementAndGet();
        List<MapLayer> snapshot = layers;
        MapFrame frame = new MapFrame(v);
        background(() -> {
            if (generation.get() != gen) {
                return; // superseded by a newer request before it started
            }
            long t0 = System.nanoTime();
            BufferedImage rendered = renderer.render(snapshot, frame);
            double ms = (System.nanoTime() - t0) / 1e6;
            Platform.runLater(() -> {
                if (generation.get() != gen) {
                    return;
                }
                image.setImage(SwingFXUtils.toFXImage(rendered, null));
                image.setTranslateX(0);
                image.setTranslateY(0);
                recordRenderTime(ms);
                framesRendered.set(framesRendered.get() + 1);
                if (framesRendered.get() <= 3) {
                    pe.cardumen.ui.StartupTrace.mark("map frame " + framesRendered.get());
                }
                drawOverlay();
            });
        });
    }

    private void recordRenderTime(double ms) {
        double[] next = new double[Math.min(50, lastRenderMillis.length + 1)];
        System.arraycopy(lastRenderMillis, Math.max(0, lastRenderMillis.length + 1 - next.length), next, 0, next.length - 1);
        next[next.length - 1] = ms;
        lastRenderMillis = next;
    }

    private void updateScaleBar() {
        MapViewport v = viewport.get();
        if (v == null) {
            return;
        }
        ScaleBarModel s = ScaleBarModel.of(v, projection, 200);
        String nmiLabel = s.nmiLabel(texts.getString("unit.nmi"));
        scaleText.set(nmiLabel + " / " + s.kmLabel());
        FxMapCanvas c = new FxMapCanvas(scaleBar);
        c.clear();
        ScaleBarLayer.draw(c, s, texts.getString("unit.nmi"), scaleBar.getWidth() - 4, 0);
    }

    /** A class limit as the legend writes it, in the window's language. */
    static String legendNumber(double v) {
        return Legend.number(v, Formats.numbers());
    }

    private void updateRasterLegend(MapViewModel.Raster r) {
        legend.getChildren().clear();
        legend.setVisible(r != null);
        if (r == null) {
            return;
        }
        RasterLegend l = r.legend();
        Label title = new Label(l.title() + (l.log() ? " (log)" : ""));
        title.getStyleClass().add("map-legend-title");
        legend.getChildren().add(title);
        int steps = 6;
        for (int k = 0; k < steps; k++) {
            double t = (double) k / (steps - 1);
            int argb = l.ramp().colourAt(t);
            double v = l.log() ? l.min() * Math.pow(l.max() / l.min(), t) : l.min() + (l.max() - l.min()) * t;
            Rectangle swatch = new Rectangle(18, 12, Color.rgb((argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF));
            swatch.setStroke(Color.rgb(60, 70, 80));
            HBox row = new HBox(6, swatch, new Label(legendNumber(v)));
            row.setAlignment(Pos.CENTER_LEFT);
            legend.getChildren().add(row);
        }
    }

    /** The legend the strip under the map shows, or {@code null} when nothing is coloured (for tests: the paper's is built the same way). */
    Legend currentLegend() {
        return zonesLegend == null ? null : Legend.of(zonesLegend, zonesNoData, texts.getString("map.noData"), Formats.numbers());
    }

    private void updateLegend(Choropleth c) {
        legend.getChildren().clear();
        legend.setVisible(c != null);
        if (c == null) {
            return;
        }
        Legend l = Legend.of(c, zonesNoData, texts.getString("map.noData"), Formats.numbers());
        Label title = new Label(l.title());
        title.getStyleClass().add("map-legend-title");
        legend.getChildren().add(title);
        for (Legend.Entry e : l.entries()) {
            int argb = e.argb();
            Rectangle swatch = new Rectangle(18, 12, Color.rgb((argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF));
            swatch.setStroke(Color.rgb(60, 70, 80));
            HBox row = new HBox(6, swatch, new Label(e.label()));
            row.setAlignment(Pos.CENTER_LEFT);
            legend.getChildren().add(row);
        }
    }

    private void installMouseHandlers() {
        imagePane.setOnMousePressed(e -> {
            dragX = e.getX();
            dragY = e.getY();
            dragged = false;
            requestFocus();
        });
        imagePane.setOnMouseDragged(e -> {
            double dx = e.getX() - dragX;
            double dy = e.getY() - dragY;
            if (Math.abs(dx) + Math.abs(dy) > 2) {
                dragged = true;
            }
            if (dragged) {
                userMoved = true;
                dragX = e.getX();
                dragY = e.getY();
                image.setTranslateX(image.getTranslateX() + dx);
                image.setTranslateY(image.getTranslateY() + dy);
                viewport.set(viewport.get().panned(dx, dy));
            }
        });
        imagePane.setOnMouseReleased(e -> {
            if (!dragged && viewport.get() != null) {
                double[] ll = lonLatAt(e.getX(), e.getY());
                model.selectAt(ll[0], ll[1]);
            }
        });
        imagePane.setOnMouseMoved(e -> {
            if (viewport.get() != null) {
                double[] ll = lonLatAt(e.getX(), e.getY());
                model.pointerAt(ll[0], ll[1]);
            }
        });
        imagePane.setOnMouseExited(e -> model.pointerAt(Double.NaN, Double.NaN));
        imagePane.setOnScroll(e -> {
            if (viewport.get() != null && e.getDeltaY() != 0) {
                userMoved = true;
                double factor = Math.pow(2, e.getDeltaY() / 200.0);
                viewport.set(viewport.get().zoomed(factor, e.getX(), e.getY()));
            }
        });
    }

    private double[] lonLatAt(double x, double y) {
        MapViewport v = viewport.get();
        return projection.unproject(v.worldX(x), v.worldY(y));
    }

    private void updateTooltip(Zone z) {
        if (z == null) {
            tooltip.hide();
            if (tooltipInstalled) {
                Tooltip.uninstall(imagePane, tooltip);
                tooltipInstalled = false;
            }
            return;
        }
        tooltip.setText(ZoneText.tooltip(z, model, texts));
        if (!tooltipInstalled) {
            Tooltip.install(imagePane, tooltip);
            tooltipInstalled = true;
        }
    }

    private void drawOverlay() {
        FxMapCanvas c = new FxMapCanvas(overlay);
        c.clear();
        MapViewport v = viewport.get();
        if (v == null) {
            return;
        }
        var toCanvas = new MapFrame(v).worldToScreen();
        // a white halo under the red outline keeps the selection visible on the darkest classes too
        Zone selected = model.selectedProperty().get();
        if (selected != null) {
            java.awt.Shape s = WorldShapes.toPath(projection.project(selected.geometry()));
            c.stroke(s, toCanvas, 0xF2FFFFFF, 5.0);
            c.stroke(s, toCanvas, 0xFFDC2828, 2.5);
        }
        Zone hovered = model.hoveredProperty().get();
        if (hovered != null) {
            c.stroke(WorldShapes.toPath(projection.project(hovered.geometry())), toCanvas, 0xE6141414, 1.5);
        }
    }
}

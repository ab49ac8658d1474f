package pe.cardumen.ui;

import java.nio.file.Path;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import java.util.function.Supplier;
import pe.cardumen.app.Services;
import pe.cardumen.ui.map.MapViewModel;

/**
 * What the analysis panels' view models share with the main window: the services, the task runner,
 * the map, the texts, the open workspace, and where errors and notices go.
 */
record PanelContext(Services services, TaskRunner tasks, MapViewModel map, ResourceBundle texts, Supplier<Path> workspace, Consumer<String> error,
                    Consumer<String> notice) {
}

package pe.cardumen.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;

/**
 * The main window's menus, made in one place from one table of commands, so that Help ▸ Keyboard
 * shortcuts lists exactly the accelerators the menus have. Runs on the JavaFX thread.
 */
final class MainMenu {
    /** What the menus call. */
    interface Commands {
        void openWorkspace();

        void newDemo();

        void openSonar();

        void liveSurvey();

        void openSatellite();

        void importSonar();

        void importSatellite();

        void importZones();

        void exportZones();

        void quit();

        void zoomIn();

        void zoomOut();

        void zoomToPeru();

        void showSonarPanel(boolean shown);

        void showSatellitePanel(boolean shown);

        void computeBiomass();

        void biomassParameters();

        void models();

        void predict();

        void quota();

        void spanish();

        void english();

        void guide();

        void shortcuts();

        void about();
    }

    /**
     * One keyboard shortcut as Help ▸ Keyboard shortcuts lists it.
     *
     * @param keys   e.g. {@code Ctrl+O}
     * @param action what it does, in the window's language
     */
    record Shortcut(String keys, String action) {
    }

    final Menu samples;
    final Menu colourBy;
    final CheckMenuItem sonarPanel;
    final CheckMenuItem satellitePanel;
    final javafx.scene.control.RadioMenuItem spanish;
    final javafx.scene.control.RadioMenuItem english;
    private final ResourceBundle texts;
    private final List<Shortcut> shortcuts = new ArrayList<>();

    MainMenu(MenuBar bar, ResourceBundle texts, Commands c) {
        this.texts = texts;
        samples = new Menu(texts.getString("menu.file.samples"));
        samples.setId("samplesMenu");
        Menu file = menu("menu.file",
                item("menu.file.open", "Shortcut+O", c::openWorkspace),
                item("menu.file.demo", null, c::newDemo),
                new SeparatorMenuItem(),
                item("menu.file.openSonar", "Shortcut+R", c::openSonar),
                id(item("menu.file.liveSurvey", "Shortcut+Shift+L", c::liveSurvey), "liveSurveyItem"),
                item("menu.file.openSatellite", "Shortcut+T", c::openSatellite),
                samples,
                new SeparatorMenuItem(),
                id(item("menu.file.importSonar", "Shortcut+Shift+R", c::importSonar), "importSonarItem"),
                id(item("menu.file.importSatellite", "Shortcut+Shift+T", c::importSatellite), "importSatelliteItem"),
                id(item("menu.file.importZones", "Shortcut+I", c::importZones), "importZonesItem"),
                id(item("menu.file.exportZones", "Shortcut+E", c::exportZones), "exportZonesItem"),
                new SeparatorMenuItem(),
                item("menu.file.quit", "Shortcut+Q", c::quit));
        colourBy = new Menu(texts.getString("menu.view.colourBy"));
        colourBy.setId("colourByMenu");
        sonarPanel = new CheckMenuItem(texts.getString("menu.view.sonarPanel"));
        sonarPanel.setId("sonarPanelItem");
        sonarPanel.setAccelerator(KeyCombination.valueOf("Shortcut+Shift+1"));
        sonarPanel.setOnAction(e -> c.showSonarPanel(sonarPanel.isSelected()));
        shortcuts.add(new Shortcut(sonarPanel.getAccelerator().getDisplayText(), plain(sonarPanel.getText())));
        satellitePanel = new CheckMenuItem(texts.getString("menu.view.satellitePanel"));
        satellitePanel.setId("satellitePanelItem");
        satellitePanel.setAccelerator(KeyCombination.valueOf("Shortcut+Shift+2"));
        satellitePanel.setOnAction(e -> c.showSatellitePanel(satellitePanel.isSelected()));
        shortcuts.add(new Shortcut(satellitePanel.getAccelerator().getDisplayText(), plain(satellitePanel.getText())));
        Menu view = menu("menu.view",
                item("menu.view.zoomIn", "Add", c::zoomIn),
                item("menu.view.zoomOut", "Subtract", c::zoomOut),
                item("menu.view.zoomToPeru", "Shortcut+0", c::zoomToPeru),
                new SeparatorMenuItem(),
                colourBy,
                new SeparatorMenuItem(),
                sonarPanel,
                satellitePanel);
        Menu analysis = menu("menu.analysis",
                item("menu.analysis.biomass", "Shortcut+B", c::computeBiomass),
                item("menu.analysis.parameters", "Shortcut+Shift+B", c::biomassParameters),
                new SeparatorMenuItem(),
                item("menu.analysis.models", "Shortcut+M", c::models),
                item("menu.analysis.predict", "Shortcut+P", c::predict),
                new SeparatorMenuItem(),
                item("menu.analysis.quota", "Shortcut+L", c::quota));
        spanish = new javafx.scene.control.RadioMenuItem("Español");
        spanish.setOnAction(e -> c.spanish());
        english = new javafx.scene.control.RadioMenuItem("English");
        english.setOnAction(e -> c.english());
        javafx.scene.control.ToggleGroup languages = new javafx.scene.control.ToggleGroup();
        spanish.setToggleGroup(languages);
        english.setToggleGroup(languages);
        boolean es = "es".equals(texts.getLocale().getLanguage());
        spanish.setSelected(es);
        english.setSelected(!es);
        Menu language = menu("menu.language", spanish, english);
        Menu help = menu("menu.help",
                id(item("menu.help.guide", "F1", c::guide), "guideItem"),
                id(item("menu.help.shortcuts", "Shift+F1", c::shortcuts), "shortcutsItem"),
                new SeparatorMenuItem(),
                item("menu.help.about", null, c::about));
        bar.getMenus().setAll(file, view, analysis, language, help);
    }

    /** Every menu accelerator with its action, in menu order, then the map's own keys. */
    List<Shortcut> shortcuts() {
        List<Shortcut> all = new ArrayList<>(shortcuts);
        for (String k : new String[] {"drag", "wheel", "keys", "click"}) {
            all.add(new Shortcut(texts.getString("shortcuts.map." + k + ".keys"), texts.getString("shortcuts.map." + k)));
        }
        return all;
    }

    private Menu menu(String key, MenuItem... items) {
        Menu m = new Menu(texts.getString(key));
        m.getItems().setAll(items);
        return m;
    }

    private MenuItem item(String key, String accelerator, Runnable action) {
        MenuItem i = new MenuItem(texts.getString(key));
        i.setOnAction(e -> action.run());
        if (accelerator != null) {
            i.setAccelerator(KeyCombination.valueOf(accelerator));
            shortcuts.add(new Shortcut(i.getAccelerator().getDisplayText(), plain(i.getText())));
        }
        return i;
    }

    private static MenuItem id(MenuItem item, String id) {
        item.setId(id);
        return item;
    }

    /** A menu text without its mnemonic marker and ellipsis. */
    private static String plain(String menuText) {
        return menuText.replace("_", "").replace("…", "");
    }
}

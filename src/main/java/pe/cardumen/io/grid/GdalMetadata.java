package pe.cardumen.io.grid;

import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * GDAL's metadata TIFF tag (42112): {@code <GDALMetadata><Item name="…" sample="band">value</Item>…}.
 * Files written by GDAL from NetCDF carry the variable's CF attributes per band ({@code units},
 * {@code standard_name}, {@code NETCDF_VARNAME}, {@code NETCDF_DIM_time}) and the time axis's as
 * dataset items ({@code time#units}, {@code time#calendar}).
 *
 * @param dataset items without a band
 * @param bands   items of each band, by band index (0-based)
 */
record GdalMetadata(Map<String, String> dataset, Map<Integer, Map<String, String>> bands) {
    static final GdalMetadata EMPTY = new GdalMetadata(Map.of(), Map.of());

    /** Parses the tag's text; unreadable metadata is treated as none (it only adds information). */
    static GdalMetadata parse(String xml) {
        if (xml == null || xml.isBlank()) {
            return EMPTY;
        }
        try {
            NodeList items = pe.cardumen.io.XmlDocuments.parse(new InputSource(new StringReader(xml.trim()))).getElementsByTagName("Item");
            Map<String, String> dataset = new HashMap<>();
            Map<Integer, Map<String, String>> bands = new HashMap<>();
            for (int k = 0; k < items.getLength(); k++) {
                Element e = (Element) items.item(k);
                String name = e.getAttribute("name");
                String value = e.getTextContent().trim();
                if (!e.getAttribute("role").isEmpty()) {
                    continue; // scale/offset/unittype roles duplicate the CF attributes
                }
                if (e.getAttribute("sample").isEmpty()) {
                    dataset.put(name, value);
                } else {
                    bands.computeIfAbsent(Integer.parseInt(e.getAttribute("sample").trim()), b -> new HashMap<>()).put(name, value);
                }
            }
            return new GdalMetadata(Map.copyOf(dataset), Map.copyOf(bands));
        } catch (Exception e) {
            return EMPTY;
        }
    }

    /** A band's item, or null. */
    String band(int band, String name) {
        return bands.getOrDefault(band, Map.of()).get(name);
    }
}

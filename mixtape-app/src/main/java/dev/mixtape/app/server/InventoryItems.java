package dev.mixtape.app.server;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import dev.mixtape.algo.personality.Inventory;
import dev.mixtape.core.NotFoundException;
import dev.mixtape.core.listener.Traits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The item texts of the inventories, read from {@code personality-ipip-bigfive/} in the data dir when
 * it has them (read once, then kept). Scoring never needs them: the keys are in {@link Inventory}.
 */
final class InventoryItems {
    private final Path dir;
    private final Map<Inventory, Map<String, Object>> documents = new ConcurrentHashMap<>();

    InventoryItems(Path dataDir) {
        this.dir = dataDir.resolve("personality-ipip-bigfive");
    }

    boolean available(Inventory inv) {
        return inv.itemFile() != null && Files.isRegularFile(dir.resolve(inv.itemFile()));
    }

    /** The inventory with its items in order; 404 naming why when the texts are not available. */
    Map<String, Object> document(Inventory inv) {
        if (inv.itemFile() == null) {
            throw new NotFoundException(inv.wireName() + " item texts are not public domain and are not served; "
                    + "answers to it are still scored (PUT /api/v1/users/{id}/personality)");
        }
        if (!available(inv)) {
            throw new NotFoundException(inv.wireName() + " item texts are not available: " + dir.resolve(inv.itemFile())
                    + " does not exist (set MIXTAPE_DATA_DIR); answers are still scored");
        }
        return documents.computeIfAbsent(inv, this::read);
    }

    private Map<String, Object> read(Inventory inv) {
        List<Map<String, Object>> items = new ArrayList<>();
        try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(dir.resolve(inv.itemFile()))) {
            for (NamedCsvRecord r : csv) {
                int i = items.size();
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("number", i + 1);
                item.put("text", r.getField("item_text"));
                item.put("trait", Traits.NAMES[inv.factorOf(i)]);
                item.put("keyed", inv.positive(i) ? "+" : "-");
                items.add(item);
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read " + dir.resolve(inv.itemFile()) + ": " + e.getMessage(), e);
        }
        if (items.size() != inv.items()) {
            throw new IllegalStateException(dir.resolve(inv.itemFile()) + " has " + items.size() + " items; "
                    + inv.wireName() + " has " + inv.items());
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("name", inv.wireName());
        doc.put("items", items);
        doc.put("scale", Map.of("1", "Very inaccurate", "2", "Moderately inaccurate", "3", "Neither accurate nor inaccurate",
                "4", "Moderately accurate", "5", "Very accurate"));
        doc.put("instructions", "Describe yourself as you generally are now. Answer every item from 1 to 5, in order.");
        doc.put("keyed_note", "'keyed' is toward the trait's high end; '-' items are scored 6 - answer");
        return doc;
    }
}

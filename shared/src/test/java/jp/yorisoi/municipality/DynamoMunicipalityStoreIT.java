package jp.yorisoi.municipality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import jp.yorisoi.testing.LocalTables;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoMunicipalityStoreIT {

    private final LocalTables tables = LocalTables.create();
    private final DynamoMunicipalityStore store = new DynamoMunicipalityStore(tables.dynamo(), tables.municipalities());

    @Test
    void municipalityReadsBackAsSaved() {
        Municipality town = new Municipality("m1", "よりそい市", "よりそい市より", "子育て相談 0120-000-000（平日9時〜17時）",
                Plan.FULL, 6, 7, List.of("ja", "ja-easy", "en"), "info@yorisoi.example.jp", true,
                "https://www.city.yorisoi.example/privacy", 3);

        store.save(town);

        assertEquals(town, store.find("m1").orElseThrow());
    }

    @Test
    void municipalityWithoutOptionalFieldsReadsBackAsSaved() {
        Municipality town = new Municipality("m2", "小町", null, null, Plan.BASE_ONLY, 3, 8, List.of("ja"), null, false);

        store.save(town);

        assertEquals(town, store.find("m2").orElseThrow());
    }

    @Test
    void aTownWithNoDeliveryHourOfItsOwnGetsTheDeploymentsDefault() {
        store.save(town("h", true));
        tables.dynamo().updateItem(r -> r.tableName(tables.municipalities())
                .key(Map.of("municipalityId", AttributeValue.fromS("h")))
                .updateExpression("REMOVE deliveryHour"));

        assertEquals(6, new DynamoMunicipalityStore(tables.dynamo(), tables.municipalities(), 6)
                .find("h").orElseThrow().deliveryHour());
        assertEquals(Municipality.DEFAULT_DELIVERY_HOUR, store.find("h").orElseThrow().deliveryHour());
    }

    @Test
    void unknownMunicipalityIsEmpty() {
        assertTrue(store.find("nowhere").isEmpty());
    }

    @Test
    void onlyActiveMunicipalitiesAreListed() {
        Municipality a = town("a", true);
        Municipality b = town("b", false);
        Municipality c = town("c", true);
        List.of(a, b, c).forEach(store::save);

        List<Municipality> active = store.listActive().stream()
                .sorted(Comparator.comparing(Municipality::municipalityId))
                .toList();

        assertEquals(List.of(a, c), active);
    }

    @Test
    void anUnreadableActiveRecordIsLeftOutAndNamedWhileTheOthersAreListed() {
        store.save(town("a", true));
        store.save(town("c", true));
        tables.dynamo().putItem(r -> r.tableName(tables.municipalities()).item(Map.of(
                "municipalityId", AttributeValue.fromS("b"),
                "name", AttributeValue.fromS("b町"),
                "plan", AttributeValue.fromS("NO_SUCH_PLAN"),
                "endBirthday", AttributeValue.fromS("three"),
                "active", AttributeValue.fromBool(true))));
        List<String> unreadable = new ArrayList<>();

        List<String> listed = store.listActive(unreadable::add).stream().map(Municipality::municipalityId).sorted()
                .toList();

        assertEquals(List.of("a", "c"), listed);
        assertEquals(List.of("b"), unreadable);
    }

    private static Municipality town(String id, boolean active) {
        return new Municipality(id, id + "町", id + "町より", "相談窓口", Plan.FULL, 3, 7, List.of("ja"), null, active);
    }
}

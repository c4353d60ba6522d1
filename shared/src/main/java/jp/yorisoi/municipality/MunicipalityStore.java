package jp.yorisoi.municipality;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The municipalities the service runs for. The DynamoDB adapter is {@code DynamoMunicipalityStore}. */
public interface MunicipalityStore {

    Optional<Municipality> find(String municipalityId);

    /** Active municipalities (a small table: tens to a few thousand items); unreadable records are left out. */
    default List<Municipality> listActive() {
        return listActive(municipalityId -> {});
    }

    /**
     * Active municipalities; a record that cannot be read (a missing or malformed attribute) is left out and its
     * id handed to {@code unreadable}, so one bad record does not stop the other towns.
     */
    List<Municipality> listActive(Consumer<String> unreadable);

    void save(Municipality municipality);
}

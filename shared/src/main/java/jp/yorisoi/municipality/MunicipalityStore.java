package jp.yorisoi.municipality;

import java.util.List;
import java.util.Optional;

/** The municipalities the service runs for. The DynamoDB adapter is {@code DynamoMunicipalityStore}. */
public interface MunicipalityStore {

    Optional<Municipality> find(String municipalityId);

    /** Active municipalities (a small table: tens to a few thousand items). */
    List<Municipality> listActive();

    void save(Municipality municipality);
}

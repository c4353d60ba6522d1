package jp.yorisoi.delivery.fakes;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.municipality.MunicipalityStore;

public final class InMemoryMunicipalityStore implements MunicipalityStore {

    private final Map<String, Municipality> municipalities = new ConcurrentSkipListMap<>();

    @Override
    public Optional<Municipality> find(String municipalityId) {
        return Optional.ofNullable(municipalities.get(municipalityId));
    }

    @Override
    public List<Municipality> listActive() {
        return municipalities.values().stream().filter(Municipality::active).toList();
    }

    @Override
    public void save(Municipality municipality) {
        municipalities.put(municipality.municipalityId(), municipality);
    }
}

package jp.yorisoi.functions.admin;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.municipality.MunicipalityStore;
import jp.yorisoi.schedule.ProgramSchedule;
import jp.yorisoi.stats.ReaderCounters;
import jp.yorisoi.stats.TownStats;

/**
 * {@code getStats}: a town's readers in numbers for the council report, as JSON, or as CSV with
 * {@code Accept: text/csv} or {@code ?format=csv}. Read from the town's counters, kept as readers are written
 * ({@link ReaderCounters}): one item per request, whatever the town's size. Counts only.
 */
public final class StatsApi {

    private final MunicipalityStore municipalities;
    private final ReaderCounters counters;
    private final Clock clock;

    public StatsApi(MunicipalityStore municipalities, ReaderCounters counters, Clock clock) {
        this.municipalities = municipalities;
        this.counters = counters;
        this.clock = clock;
    }

    public void register(Router router) {
        router.add("GET", "/admin/municipalities/{municipalityId}/stats", this::stats);
    }

    ApiResponse stats(ApiRequest request) {
        String municipalityId = request.pathParameters().get("municipalityId");
        request.caller().requireRead(municipalityId);
        boolean csv = wantsCsv(request);
        municipalities.find(municipalityId).filter(Municipality::active)
                .orElseThrow(() -> ApiException.notFound("no active municipality " + municipalityId));
        LocalDate today = LocalDate.now(clock.withZone(ProgramSchedule.ZONE));
        TownStats stats = TownStats.from(counters.counters(municipalityId), today);
        if (csv) {
            return ApiResponse.text(200, "text/csv; charset=utf-8", csv(municipalityId, today, stats));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("municipalityId", municipalityId);
        answer.put("date", today.toString());
        answer.put("registrationsPerMonth", stats.registrationsPerMonth());
        answer.put("activeReaders", stats.activeReaders());
        answer.put("activeByChannel", stats.activeByChannel());
        answer.put("activeByRole", stats.activeByRole());
        answer.put("activeByLanguage", stats.activeByLanguage());
        answer.put("activeChildrenByTrack", stats.activeByTrack());
        answer.put("activeChildrenByAgeBand", stats.activeByAgeBand());
        answer.put("stopped", stats.stopped());
        answer.put("blocked", stats.blocked());
        answer.put("losses", stats.losses());
        return ApiResponse.ok(answer);
    }

    private static boolean wantsCsv(ApiRequest request) {
        String format = request.queryParameter("format").orElse(null);
        if (format != null && !format.equals("csv") && !format.equals("json")) {
            throw ApiException.badRequest("format must be csv or json");
        }
        String accept = request.header("accept");
        return "csv".equals(format)
                || (format == null && accept != null && accept.toLowerCase(Locale.ROOT).contains("text/csv"));
    }

    /** One figure per line: section, key, count (RFC 4180; no field needs quoting). */
    static String csv(String municipalityId, LocalDate date, TownStats stats) {
        StringBuilder csv = new StringBuilder("section,key,count\r\n");
        stats.registrationsPerMonth().forEach((month, n) -> row(csv, "registrations", month, n));
        row(csv, "active", "readers", stats.activeReaders());
        stats.activeByChannel().forEach((k, n) -> row(csv, "channel", k, n));
        stats.activeByRole().forEach((k, n) -> row(csv, "role", k, n));
        stats.activeByLanguage().forEach((k, n) -> row(csv, "language", k, n));
        stats.activeByTrack().forEach((k, n) -> row(csv, "track", k, n));
        stats.activeByAgeBand().forEach((k, n) -> row(csv, "ageBand", k, n));
        row(csv, "readers", "stopped", stats.stopped());
        row(csv, "readers", "blocked", stats.blocked());
        row(csv, "children", "losses", stats.losses());
        return csv.toString();
    }

    private static void row(StringBuilder csv, String section, String key, long count) {
        csv.append(section).append(',').append(key).append(',').append(count).append("\r\n");
    }
}

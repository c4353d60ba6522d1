package jp.yorisoi.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import jp.yorisoi.registration.JapaneseDates.Parsed;
import jp.yorisoi.registration.JapaneseDates.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class JapaneseDatesTest {

    private static final LocalDate MARCH_15_2027 = LocalDate.of(2027, 3, 15);

    @ParameterizedTest
    @ValueSource(strings = {
            "2027-03-15", "2027-3-15", "2027/03/15", "2027/3/15", "2027.3.15",
            "2027年3月15日", "2027年03月15日", "2027年3月15",
            "令和9年3月15日", "令和09年3月15日", "令和9年3月15", "R9/3/15", "R9.3.15", "r9-3-15", "R9年3月15日",
            "２０２７－０３－１５", "２０２７／３／１５", "２０２７年３月１５日", "令和９年３月１５日", "Ｒ９／３／１５",
            "㋿9年3月15日",
            " 2027/3/15 ", "2027 / 3 / 15", "2027年 3月 15日", "令和 9年 3月 15日", "\u30002027/3/15\u3000",
    })
    void readsEveryWayParentsWriteTheSameDay(String text) {
        assertEquals(new Parsed.Valid(MARCH_15_2027), JapaneseDates.parse(text));
    }

    @ParameterizedTest
    @CsvSource({
            "令和元年5月1日, 2019-05-01",
            "令和元年12月31日, 2019-12-31",
            "令和1年5月1日, 2019-05-01",
            "令和2年1月1日, 2020-01-01",
            "令和8年11月22日, 2026-11-22",
            "令和10年1月1日, 2028-01-01",
            "2028/2/29, 2028-02-29",
            "2024-02-29, 2024-02-29",
            "2026-12-31, 2026-12-31",
            "2027-01-01, 2027-01-01",
    })
    void convertsReiwaYearsAndAcceptsRealBoundaryDays(String text, LocalDate expected) {
        assertEquals(new Parsed.Valid(expected), JapaneseDates.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "2027-02-30", "2027-02-29", "2026/2/29", "2027年4月31日", "2027-13-01", "2027-00-10", "2027-01-00",
            "2027-01-32", "令和9年2月30日", "令和元年4月30日", "令和元年1月1日", "令和0年5月1日", "R0/5/1",
    })
    void rejectsDaysThatDoNotExist(String text) {
        assertEquals(new Parsed.Invalid(Problem.NO_SUCH_DAY), JapaneseDates.parse(text));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "   ", "メニュー", "3月15日", "3/15", "20270315", "27/3/15", "2027-03", "2027/3/15/1", "平成31年4月1日",
            "2027-03-15T10:00", "予定日は2027/3/15です", "2027/3/15!", "12027-03-15", "2027-003-15",
            "令和100年1月1日", "abc", "２０２７",
    })
    void rejectsTextThatIsNotADate(String text) {
        assertEquals(new Parsed.Invalid(Problem.NOT_A_DATE), JapaneseDates.parse(text));
    }

    @Test
    void refusesHugeInputWithoutScanningIt() {
        assertEquals(new Parsed.Invalid(Problem.NOT_A_DATE), JapaneseDates.parse("2027/3/15" + " ".repeat(100_000)));
    }
}

package jp.yorisoi.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.yorisoi.schedule.Position;
import jp.yorisoi.schedule.ProgramSchedule;
import jp.yorisoi.schedule.Track;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContentCsvTest {

    private static final String TOWN = "demo";
    private static final String HEADER = "track,day,language,text\n";
    private static final String TOWN_HEADER = "track,day,language,audience,date,text\n";

    private static ContentImport parse(String csv, String owner) {
        return ContentCsv.parse(new StringReader(csv), owner);
    }

    private static List<LineError> errors(String csv, String owner) {
        return assertThrows(ContentImportException.class, () -> parse(csv, owner)).errors();
    }

    private static LineError onlyError(String csv, String owner) {
        List<LineError> errors = errors(csv, owner);
        assertEquals(1, errors.size(), () -> "expected one error, got " + errors);
        return errors.getFirst();
    }

    private static ContentEntry daily(String owner, Track track, int day, String language, String text) {
        return new ContentEntry(owner, ContentKind.DAILY, track, day, language, text);
    }

    @Nested
    class ReadsValidFiles {

        @Test
        void readsPregnancyAndChildRowsOfTheBaseText() {
            ContentImport result = parse(HEADER
                    + "pregnancy,28,ja,妊娠4週0日です。\n"
                    + "child,0,ja-easy,うまれました。\n"
                    + "child,100,en,Day 100.\n", ContentOwner.BASE);

            assertEquals(List.of(
                    daily("base", Track.PREGNANCY, 28, "ja", "妊娠4週0日です。"),
                    daily("base", Track.CHILD, 0, "ja-easy", "うまれました。"),
                    daily("base", Track.CHILD, 100, "en", "Day 100.")), result.entries());
            assertEquals(List.of(), result.calendar());
        }

        @Test
        void tracksAreCaseInsensitive() {
            ContentImport result = parse(HEADER + "Pregnancy,28,ja,a\nCHILD,1,ja,b\n", ContentOwner.BASE);

            assertEquals(List.of(Track.PREGNANCY, Track.CHILD),
                    result.entries().stream().map(ContentEntry::track).toList());
        }

        @Test
        void headerDecidesTheColumnOrderAndIgnoresCaseAndSpaces() {
            ContentImport result = parse(" Text , LANGUAGE,day,track\nこんにちは,ja,30,pregnancy\n", ContentOwner.BASE);

            assertEquals(List.of(daily("base", Track.PREGNANCY, 30, "ja", "こんにちは")), result.entries());
        }

        @Test
        void acceptsTheEdgesOfEveryWindow() {
            ContentImport result = parse(HEADER
                    + "pregnancy,28,ja,first\n"
                    + "pregnancy,293,ja,last\n"
                    + "child,0,ja,birth\n"
                    + "child,2191,ja,six years\n"
                    + "birthday,1,ja,one\n"
                    + "birthday,6,ja,six\n", TOWN);

            assertEquals(List.of(28, 293, 0, 2191, 1, 6), result.entries().stream().map(ContentEntry::day).toList());
        }

        @Test
        void birthdayRowsBecomeBirthdayEntriesWithYearsAsTheDay() {
            ContentImport result = parse(HEADER + "birthday,2,ja,2歳おめでとう\n", TOWN);

            assertEquals(List.of(new ContentEntry(TOWN, ContentKind.BIRTHDAY, null, 2, "ja", "2歳おめでとう")),
                    result.entries());
        }

        @Test
        void aMunicipalityFileMayHoldAllFourTracks() {
            ContentImport result = parse(TOWN_HEADER
                    + "pregnancy,40,ja,,,p\n"
                    + "child,40,ja,,,c\n"
                    + "birthday,1,ja,,,b\n"
                    + "calendar,,ja,all,2027-01-15,cal\n", TOWN);

            assertEquals(3, result.entries().size());
            assertEquals(1, result.calendar().size());
            assertTrue(result.entries().stream().allMatch(e -> e.owner().equals(TOWN)));
        }

        @Test
        void quotedTextKeepsCommasQuotesAndLineBreaks() {
            ContentImport result = parse(HEADER
                    + "pregnancy,28,ja,\"一行目、そして, カンマ\n"
                    + "二行目に \"\"引用\"\" も\n"
                    + "三行目\"\n"
                    + "pregnancy,29,ja,next\n", ContentOwner.BASE);

            assertEquals("一行目、そして, カンマ\n二行目に \"引用\" も\n三行目", result.entries().getFirst().text());
            assertEquals(29, result.entries().get(1).day());
        }

        @Test
        void crlfFilesReadLikeLfFilesIncludingLineBreaksInsideQuotes() {
            String lf = HEADER + "pregnancy,28,ja,\"a\nb\"\nchild,0,ja,c\n";
            String crlf = lf.replace("\n", "\r\n");

            assertEquals(parse(lf, ContentOwner.BASE), parse(crlf, ContentOwner.BASE));
            assertEquals("a\nb", parse(crlf, ContentOwner.BASE).entries().getFirst().text());
        }

        @Test
        void everyFieldMayBeQuoted() {
            ContentImport result = parse("\"track\",\"day\",\"language\",\"text\"\r\n\"child\",\"5\",\"ja\",\"x\"",
                    ContentOwner.BASE);

            assertEquals(List.of(daily("base", Track.CHILD, 5, "ja", "x")), result.entries());
        }

        @Test
        void aMissingFinalLineBreakIsFine() {
            assertEquals(1, parse(HEADER + "child,5,ja,x", ContentOwner.BASE).entries().size());
        }

        @Test
        void blankLinesAreSkipped() {
            ContentImport result = parse(HEADER + "\nchild,5,ja,x\n\r\n,,,\nchild,6,ja,y\n\n", ContentOwner.BASE);

            assertEquals(List.of(5, 6), result.entries().stream().map(ContentEntry::day).toList());
        }

        @Test
        void surroundingSpacesAreTrimmedButInnerLineBreaksStay() {
            ContentImport result = parse(HEADER + " child , 7 , ja ,\"  一行目\n二行目  \"\n", ContentOwner.BASE);

            assertEquals(daily("base", Track.CHILD, 7, "ja", "一行目\n二行目"), result.entries().getFirst());
        }

        @Test
        void aByteOrderMarkBeforeTheHeaderIsIgnored() {
            byte[] bytes = ("\uFEFF" + HEADER + "child,5,ja,ありがとう\n").getBytes(StandardCharsets.UTF_8);

            ContentImport result = ContentCsv.parse(new ByteArrayInputStream(bytes), ContentOwner.BASE);

            assertEquals(List.of(daily("base", Track.CHILD, 5, "ja", "ありがとう")), result.entries());
        }

        @Test
        void aByteOrderMarkIsAlsoIgnoredThroughAReader() {
            ContentImport result = parse("\uFEFF" + HEADER + "child,5,ja,x\n", ContentOwner.BASE);

            assertEquals(1, result.entries().size());
        }

        @Test
        void textsOfExactlyTheLimitAreAccepted() {
            String text = "あ".repeat(ContentEntry.MAX_TEXT_LENGTH);

            assertEquals(text, parse(HEADER + "child,5,ja," + text + "\n", ContentOwner.BASE).entries().getFirst().text());
        }

        @ParameterizedTest
        @ValueSource(strings = {"ja", "en", "ja-easy", "pt-br", "zh-hans"})
        void acceptsLanguageCodes(String language) {
            assertEquals(language, parse(HEADER + "child,5," + language + ",x\n", ContentOwner.BASE)
                    .entries().getFirst().language());
        }

        @Test
        void fullWidthDigitsAndLettersInCodesAreReadAsTheirAsciiForms() {
            ContentImport result = parse(TOWN_HEADER
                    + "ｃｈｉｌｄ,２８,ｊａ,,,全角の２８日\n"
                    + "calendar,,ja,ｃｈｉｌｄ：０－３６５,２０２７－０１－１５,x\n", TOWN);

            assertEquals(daily(TOWN, Track.CHILD, 28, "ja", "全角の２８日"), result.entries().getFirst());
            assertEquals(new Audience(Track.CHILD, 0, 365), result.calendar().getFirst().audience());
            assertEquals(LocalDate.of(2027, 1, 15), result.calendar().getFirst().date());
        }

        @Test
        void aHeaderOnlyFileImportsNothing() {
            ContentImport result = parse(HEADER, ContentOwner.BASE);

            assertEquals(List.of(), result.entries());
            assertEquals(List.of(), result.calendar());
        }
    }

    @Nested
    class CalendarMessages {

        @Test
        void rowsOfTheSameDateAndAudienceFormOneMessageInSeveralLanguages() {
            ContentImport result = parse(TOWN_HEADER
                    + "calendar,,ja,child:0-365,2027-01-15,ひろばのイベント\n"
                    + "calendar,,ja-easy,child:0-365,2027-01-15,ひろばで あそぼう\n"
                    + "calendar,,en,child:0-365,2027-01-15,Playroom event\n", TOWN);

            assertEquals(1, result.calendar().size());
            CalendarMessage message = result.calendar().getFirst();
            assertEquals(TOWN, message.municipalityId());
            assertEquals(LocalDate.of(2027, 1, 15), message.date());
            assertEquals(new Audience(Track.CHILD, 0, 365), message.audience());
            assertEquals(Map.of("ja", "ひろばのイベント", "ja-easy", "ひろばで あそぼう", "en", "Playroom event"),
                    message.texts());
            assertEquals(List.of(), result.entries());
        }

        @Test
        void differentAudiencesOnTheSameDateAreDifferentMessages() {
            ContentImport result = parse(TOWN_HEADER
                    + "calendar,,ja,child,2027-01-15,a\n"
                    + "calendar,,ja,pregnancy,2027-01-15,b\n"
                    + "calendar,,ja,,2027-01-16,c\n", TOWN);

            assertEquals(List.of(new Audience(Track.CHILD, null, null), new Audience(Track.PREGNANCY, null, null),
                    Audience.EVERYONE), result.calendar().stream().map(CalendarMessage::audience).toList());
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "all", "ALL", " all "})
        void audienceDefaultsToEveryone(String audience) {
            ContentImport result = parse(TOWN_HEADER + "calendar,,ja," + audience + ",2027-01-15,x\n", TOWN);

            assertEquals(Audience.EVERYONE, result.calendar().getFirst().audience());
        }

        @Test
        void theAudienceColumnMayBeLeftOut() {
            ContentImport result = parse("track,day,language,date,text\ncalendar,,ja,2027-01-15,x\n", TOWN);

            assertEquals(Audience.EVERYONE, result.calendar().getFirst().audience());
        }

        @Test
        void readsAudienceRanges() {
            ContentImport result = parse(TOWN_HEADER
                    + "calendar,,ja,pregnancy:28-112,2027-01-15,a\n"
                    + "calendar,,ja,Child : 0 - 365,2027-01-15,b\n", TOWN);

            assertEquals(List.of(new Audience(Track.PREGNANCY, 28, 112), new Audience(Track.CHILD, 0, 365)),
                    result.calendar().stream().map(CalendarMessage::audience).toList());
        }

        @Test
        void messageIdIsStableAcrossImportsAndOtherLanguages() {
            String ja = "calendar,,ja,child:0-365,2027-01-15,ひろばのイベント\n";
            String first = parse(TOWN_HEADER + ja, TOWN).calendar().getFirst().messageId();
            String again = parse(TOWN_HEADER + "calendar,,en,child:0-365,2027-01-15,Event\n" + ja, TOWN)
                    .calendar().getFirst().messageId();

            assertEquals(first, again);
            assertEquals(12, first.length());
            assertTrue(first.matches("[0-9a-f]+"));
        }

        @Test
        void messageIdChangesWithDateOrAudienceButNotWithTheText() {
            String base = id("child:0-365", "2027-01-15", "text");

            assertNotEquals(base, id("child:0-364", "2027-01-15", "text"));
            assertNotEquals(base, id("child:0-365", "2027-01-16", "text"));
            assertEquals(base, id("child:0-365", "2027-01-15", "text!"));
        }

        @Test
        void reimportingACorrectedTextReplacesTheMessageInsteadOfSendingBoth() {
            // Staff re-import a file mostly to correct it; the uncorrected text (a wrong event date) must not go out.
            MapCatalogue catalogue = new MapCatalogue();
            parse(TOWN_HEADER + "calendar,,ja,child:0-365,2027-01-15,広場は1月23日です\n", TOWN).calendar()
                    .forEach(catalogue::saveCalendar);
            parse(TOWN_HEADER + "calendar,,ja,child:0-365,2027-01-15,広場は1月30日です\n", TOWN).calendar()
                    .forEach(catalogue::saveCalendar);

            assertEquals(List.of("広場は1月30日です"), catalogue.calendar(TOWN, LocalDate.parse("2027-01-15")).stream()
                    .map(m -> m.textFor("ja"))
                    .toList());
        }

        @Test
        void messageIdDoesNotDependOnHowTheAudienceIsWritten() {
            assertEquals(id("child:0-365", "2027-01-15", "t"), id("CHILD : 0 - 365", "2027-01-15", "t"));
            assertEquals(id("", "2027-01-15", "t"), id("all", "2027-01-15", "t"));
        }

        private String id(String audience, String date, String text) {
            return parse(TOWN_HEADER + "calendar,,ja," + audience + "," + date + "," + text + "\n", TOWN)
                    .calendar().getFirst().messageId();
        }

        @Test
        void aCalendarMessageWithoutAJapaneseRowIsRejectedAtItsFirstLine() {
            LineError error = onlyError(TOWN_HEADER
                    + "calendar,,en,child,2027-01-15,Event\n"
                    + "calendar,,ja-easy,child,2027-01-15,イベント\n", TOWN);

            assertEquals(2, error.lineNumber());
            assertEquals("the calendar message on 2027-01-15 for child has no ja row; every calendar message needs"
                    + " a Japanese text", error.message());
        }

        @ParameterizedTest
        @ValueSource(strings = {"2027-13-01", "2027-02-30", "2027/01/15", "15.01.2027", "2027-1-5", "tomorrow"})
        void rejectsBadDates(String date) {
            LineError error = onlyError(TOWN_HEADER + "calendar,,ja,all," + date + ",x\n", TOWN);

            assertEquals(new LineError(2, "date \"" + date + "\" is not a valid date; write it as YYYY-MM-DD,"
                    + " e.g. 2027-01-15"), error);
        }

        @Test
        void rejectsACalendarRowWithoutADate() {
            assertEquals("date is empty; calendar rows need a date such as 2027-01-15 (YYYY-MM-DD)",
                    onlyError(TOWN_HEADER + "calendar,,ja,all,,x\n", TOWN).message());
            assertEquals("calendar rows need a date, but the header has no date column",
                    onlyError(HEADER + "calendar,,ja,x\n", TOWN).message());
        }

        @Test
        void rejectsACalendarRowWithADay() {
            assertEquals("calendar rows leave day empty; the date decides when the message is sent",
                    onlyError(TOWN_HEADER + "calendar,5,ja,all,2027-01-15,x\n", TOWN).message());
        }

        @ParameterizedTest
        @ValueSource(strings = {"everyone", "parents", "child:0", "child:-1-5", "child:a-b", "child 0-365",
                "pregnancy:28", "baby:0-365"})
        void rejectsBadAudiences(String audience) {
            assertEquals("audience \"" + audience + "\" is not valid; use all, pregnancy, child, or a day range such"
                    + " as pregnancy:28-112 or child:0-365",
                    onlyError(TOWN_HEADER + "calendar,,ja," + audience + ",2027-01-15,x\n", TOWN).message());
        }

        @Test
        void rejectsAudienceRangesOutsideTheWindow() {
            assertEquals("audience \"pregnancy:0-112\" is outside the pregnancy window 28–293",
                    onlyError(TOWN_HEADER + "calendar,,ja,pregnancy:0-112,2027-01-15,x\n", TOWN).message());
            assertEquals("audience \"child:0-3000\" is outside the child window 0–2191",
                    onlyError(TOWN_HEADER + "calendar,,ja,child:0-3000,2027-01-15,x\n", TOWN).message());
        }

        @Test
        void rejectsAudienceRangesThatEndBeforeTheyStart() {
            assertEquals("audience \"child:365-0\" starts after it ends; write the smaller day first",
                    onlyError(TOWN_HEADER + "calendar,,ja,child:365-0,2027-01-15,x\n", TOWN).message());
        }

        @Test
        void rejectsTheSameLanguageTwiceInOneMessage() {
            LineError error = onlyError(TOWN_HEADER
                    + "calendar,,ja,child,2027-01-15,a\n"
                    + "calendar,,ja,child,2027-01-15,b\n", TOWN);

            assertEquals(new LineError(3, "duplicate row: calendar message on 2027-01-15 for child in ja is already"
                    + " on line 2"), error);
        }
    }

    @Nested
    class RejectsBadRows {

        @Test
        void rejectsAnUnknownTrack() {
            assertEquals(new LineError(2, "unknown track \"maternity\"; use pregnancy, child, birthday or calendar"),
                    onlyError(HEADER + "maternity,28,ja,x\n", ContentOwner.BASE));
        }

        @Test
        void rejectsAnEmptyTrack() {
            assertEquals("track is empty; use pregnancy, child, birthday or calendar",
                    onlyError(HEADER + ",28,ja,x\n", ContentOwner.BASE).message());
        }

        @Test
        void rejectsPregnancyDaysOutsideTheWindow() {
            List<LineError> errors = errors(HEADER
                    + "pregnancy,27,ja,x\n"
                    + "pregnancy,28,ja,x\n"
                    + "pregnancy,293,ja,x\n"
                    + "pregnancy,294,ja,x\n"
                    + "pregnancy,300,ja,x\n", ContentOwner.BASE);

            assertEquals(List.of(
                    new LineError(2, "day 27 is outside the pregnancy window 28–293"),
                    new LineError(5, "day 294 is outside the pregnancy window 28–293"),
                    new LineError(6, "day 300 is outside the pregnancy window 28–293")), errors);
            assertEquals("line 6: day 300 is outside the pregnancy window 28–293", errors.get(2).toString());
        }

        @Test
        void rejectsChildDaysPastTheLongestProgram() {
            assertEquals("day 2192 is outside the child window 0–2191",
                    onlyError(HEADER + "child,2192,ja,x\n", ContentOwner.BASE).message());
        }

        @Test
        void theChildWindowEndsOnTheLastDayOfTheLongestPossibleProgram() {
            // Six years hold at most two 29 Februaries: born 1 January 2024, the 6th birthday is day 2192.
            LocalDate born = LocalDate.parse("2024-01-01");
            LocalDate lastDay = ProgramSchedule.lastProgramDay(born, ProgramSchedule.MAX_END_BIRTHDAY);

            assertEquals(ContentCsv.LAST_CHILD_DAY, ProgramSchedule.ageInDays(born, lastDay));
            assertInstanceOf(Position.Child.class,
                    ProgramSchedule.childPosition(born, lastDay, ProgramSchedule.MAX_END_BIRTHDAY));
        }

        @Test
        void rejectsBirthdayYearsOutsideOneToSix() {
            List<LineError> errors = errors(HEADER + "birthday,0,ja,x\nbirthday,7,ja,x\n", TOWN);

            assertEquals(List.of(
                    new LineError(2, "day 0 is outside the birthday window 1–6 (years)"),
                    new LineError(3, "day 7 is outside the birthday window 1–6 (years)")), errors);
        }

        @ParameterizedTest
        @ValueSource(strings = {"abc", "-1", "12.5", "1e3", "+5", "二十八", "28日"})
        void rejectsDaysThatAreNotWholeNumbers(String day) {
            assertEquals("day \"" + day + "\" is not a whole number; child rows need a day in 0–2191",
                    onlyError(HEADER + "child," + day + ",ja,x\n", ContentOwner.BASE).message());
        }

        @Test
        void rejectsAnEmptyDay() {
            assertEquals("day is empty; pregnancy rows need a day in 28–293",
                    onlyError(HEADER + "pregnancy,,ja,x\n", ContentOwner.BASE).message());
        }

        @Test
        void rejectsAnEmptyText() {
            assertEquals(new LineError(2, "text is empty"), onlyError(HEADER + "child,5,ja,\"  \"\n", ContentOwner.BASE));
        }

        @Test
        void rejectsTextsOverTheLimitCountingUtf16Units() {
            // 2,500 emoji are 5,000 UTF-16 units; one more character crosses the limit.
            String text = "👶".repeat(2500) + "あ";

            assertEquals("text is 5,001 characters long; the limit is 5,000",
                    onlyError(HEADER + "child,5,ja," + text + "\n", ContentOwner.BASE).message());
        }

        @ParameterizedTest
        @ValueSource(strings = {"JA", "japanese", "j", "ja_easy", "ja-", "ja-Easy", "1a"})
        void rejectsBadLanguageCodes(String language) {
            assertEquals("language \"" + language + "\" is not a valid code; use a lower-case code such as ja, ja-easy"
                    + " or en", onlyError(HEADER + "child,5," + language + ",x\n", ContentOwner.BASE).message());
        }

        @Test
        void rejectsAnEmptyLanguage() {
            assertEquals("language is empty; use a code such as ja, ja-easy or en",
                    onlyError(HEADER + "child,5,,x\n", ContentOwner.BASE).message());
        }

        @Test
        void rejectsTheSameTrackDayAndLanguageTwice() {
            List<LineError> errors = errors(HEADER
                    + "pregnancy,28,ja,a\n"
                    + "pregnancy,28,en,b\n"
                    + "child,28,ja,c\n"
                    + "PREGNANCY,28,ja,d\n", ContentOwner.BASE);

            assertEquals(List.of(new LineError(5, "duplicate row: pregnancy day 28 in ja is already on line 2")), errors);
        }

        @Test
        void rejectsTheSameBirthdayTwice() {
            assertEquals(new LineError(3, "duplicate row: birthday year 1 in ja is already on line 2"),
                    onlyError(HEADER + "birthday,1,ja,a\nbirthday,1,ja,b\n", TOWN));
        }

        @Test
        void rejectsRowsWithTooManyOrTooFewColumns() {
            List<LineError> errors = errors(HEADER
                    + "pregnancy,28,ja,こんにちは, 元気ですか\n"
                    + "pregnancy,29,ja\n", ContentOwner.BASE);

            assertEquals(List.of(
                    new LineError(2, "expected 4 columns but found 5; a text containing a comma or a line break must"
                            + " be in double quotes"),
                    new LineError(3, "expected 4 columns but found 3; a text containing a comma or a line break must"
                            + " be in double quotes")), errors);
        }

        @ParameterizedTest
        @ValueSource(strings = {"birthday,1,ja,x", "calendar,,ja,x"})
        void theBaseTextHoldsOnlyPregnancyAndChildRows(String row) {
            String track = row.substring(0, row.indexOf(','));

            assertEquals("the base text may only hold pregnancy and child rows; " + track
                    + " rows belong in a municipality's file", errors(HEADER + row + "\n", ContentOwner.BASE)
                    .getFirst().message());
        }

        @Test
        void rejectsDateOrAudienceOnDailyAndBirthdayRows() {
            List<LineError> errors = errors(TOWN_HEADER
                    + "child,5,ja,,2027-01-15,x\n"
                    + "birthday,1,ja,child,,y\n", TOWN);

            assertEquals(List.of(
                    new LineError(2, "date is only for calendar rows; leave it empty on child rows"),
                    new LineError(3, "audience is only for calendar rows; leave it empty on birthday rows")), errors);
        }

        @Test
        void reportsEveryProblemOfARowAndOfTheFile() {
            List<LineError> errors = errors(HEADER
                    + "pregnancy,28,ja,ok\n"
                    + "pregnancy,400,JA,\n"
                    + "weekly,1,ja,x\n"
                    + "child,abc,ja,x\n", ContentOwner.BASE);

            assertEquals(List.of(
                    new LineError(3, "language \"JA\" is not a valid code; use a lower-case code such as ja, ja-easy"
                            + " or en"),
                    new LineError(3, "text is empty"),
                    new LineError(3, "day 400 is outside the pregnancy window 28–293"),
                    new LineError(4, "unknown track \"weekly\"; use pregnancy, child, birthday or calendar"),
                    new LineError(5, "day \"abc\" is not a whole number; child rows need a day in 0–2191")), errors);
        }

        @Test
        void lineNumbersCountPhysicalLinesIncludingThoseInsideQuotedTexts() {
            List<LineError> errors = errors(HEADER
                    + "pregnancy,28,ja,\"one\ntwo\nthree\"\n"
                    + "\n"
                    + "pregnancy,999,ja,x\n", ContentOwner.BASE);

            assertEquals(List.of(new LineError(6, "day 999 is outside the pregnancy window 28–293")), errors);
        }

        @Test
        void lineNumbersAreThoseOfTheLineWhereTheRecordStarts() {
            List<LineError> errors = errors(HEADER + "pregnancy,999,ja,\"one\r\ntwo\"\r\n", ContentOwner.BASE);

            assertEquals(2, errors.getFirst().lineNumber());
        }

        @Test
        void nothingIsReturnedWhenAnyRowIsBad() {
            ContentImportException e = assertThrows(ContentImportException.class,
                    () -> parse(HEADER + "pregnancy,28,ja,a\npregnancy,29,ja,b\npregnancy,1,ja,c\n", ContentOwner.BASE));

            assertEquals(1, e.errors().size());
            assertTrue(e.getMessage().contains("line 4: day 1 is outside the pregnancy window 28–293"), e.getMessage());
        }
    }

    @Nested
    class RejectsBadFiles {

        @Test
        void rejectsAnEmptyFile() {
            assertEquals(new LineError(1, "the file has no header; the first line must name the columns, e.g."
                    + " track,day,language,text"), onlyError("", ContentOwner.BASE));
        }

        @Test
        void rejectsAHeaderMissingRequiredColumns() {
            List<LineError> errors = errors("track,day,text\npregnancy,28,x\n", ContentOwner.BASE);

            assertEquals(List.of(new LineError(1, "the header is missing the column \"language\"; the first line must"
                    + " name the columns, e.g. track,day,language,text")), errors);
        }

        @Test
        void aFileWithoutAHeaderIsRejected() {
            List<LineError> errors = errors("pregnancy,28,ja,x\n", ContentOwner.BASE);

            assertEquals(1, errors.getFirst().lineNumber());
            assertTrue(errors.stream().anyMatch(e -> e.message().contains("missing the column \"track\"")), errors::toString);
        }

        @Test
        void rejectsUnknownAndRepeatedHeaderColumns() {
            List<LineError> errors = errors("track,day,langauge,language,text,day\n", ContentOwner.BASE);

            assertEquals(List.of(
                    new LineError(1, "unknown column \"langauge\" in the header; the columns are track, day, language,"
                            + " text and optionally audience, date"),
                    new LineError(1, "the header names the column \"day\" twice")), errors);
        }

        @Test
        void rejectsAQuotedTextThatIsNeverClosed() {
            List<LineError> errors = errors(HEADER + "pregnancy,28,ja,ok\npregnancy,29,ja,\"never\nclosed\n",
                    ContentOwner.BASE);

            assertEquals(List.of(new LineError(3, "a quoted text starts on this line but its closing double quote is"
                    + " missing, so the rest of the file could not be read")), errors);
        }

        @Test
        void anUnclosedQuoteInTheHeaderIsTheOnlyProblemReported() {
            assertEquals(1, errors("track,day,language,\"text\n", ContentOwner.BASE).size());
        }

        @Test
        void rejectsTextAfterAClosingQuote() {
            List<LineError> errors = errors(HEADER + "pregnancy,28,ja,\"He said \"hi\" to me\"\npregnancy,29,ja,ok\n",
                    ContentOwner.BASE);

            assertEquals(List.of(new LineError(2, "there is text after the closing double quote of a quoted field;"
                    + " inside a quoted text write a double quote as two double quotes (\"\")")), errors);
        }

        @Test
        void aDoubleQuoteInsideAnUnquotedTextIsKeptAsWritten() {
            assertEquals("say \"hi\"", parse(HEADER + "child,5,ja,say \"hi\"\n", ContentOwner.BASE)
                    .entries().getFirst().text());
        }

        @Test
        void rejectsBytesThatAreNotUtf8WithTheirLine() {
            byte[] shiftJis = (HEADER + "child,5,ja,ok\nchild,6,ja,こんにちは\n").getBytes(Charset.forName("Shift_JIS"));

            List<LineError> errors = assertThrows(ContentImportException.class,
                    () -> ContentCsv.parse(new ByteArrayInputStream(shiftJis), ContentOwner.BASE)).errors();

            assertEquals(List.of(new LineError(3, "the file is not UTF-8 text; save it as \"CSV UTF-8\" (in Excel:"
                    + " Save As, CSV UTF-8)")), errors);
        }

        @Test
        void anOwnerIsRequired() {
            assertThrows(IllegalArgumentException.class, () -> parse(HEADER, " "));
        }
    }
}

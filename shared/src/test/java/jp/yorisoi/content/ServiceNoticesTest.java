package jp.yorisoi.content;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceNoticesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "ja      | 予定日を過ぎましたが、お変わりありませんか。",
            "ja-easy | よていびを すぎました。おかわり ありませんか。",
            "en      | Your due date has passed. We hope you are well.",
            "pt      | 予定日を過ぎましたが、お変わりありませんか。",
    })
    void theBirthQuestionIsAskedInTheReadersLanguage(String language, String start) {
        String text = ServiceNotices.birthQuestion(language);
        assertTrue(text.startsWith(start), text);
        assertTrue(text.contains("生まれました"), text);
    }

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource(delimiter = '|', value = {
            "ja      | 3 | 3歳のお誕生日、おめでとうございます。     | きょうで毎日のメッセージはおしまいです。",
            "ja-easy | 3 | 3さいの おたんじょうび、おめでとう ございます。 | まいにちの メッセージは きょうで おわりです。",
            "en      | 3 | Happy 3rd birthday!                        | Today is the last of our daily messages.",
            "en      | 6 | Happy 6th birthday!                        | Today is the last of our daily messages.",
    })
    void theEndOfTheProgramNamesTheBirthday(String language, int years, String start, String end) {
        String text = ServiceNotices.programEnded(language, years);
        assertTrue(text.startsWith(start), text);
        assertTrue(text.contains(end), text);
    }

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource(delimiter = '|', value = {
            "ja      | 4 | 4歳のお誕生日           | ほかのお子さんへのメッセージは、これからもお届けします。",
            "ja-easy | 3 | 3さいの おたんじょうび   | ほかの おこさん の メッセージは つづきます。",
            "en      | 4 | Happy 4th birthday!     | Messages for your other children will continue.",
    })
    void theEndOfOneChildsProgramSaysTheOthersGoOn(String language, int years, String start, String others) {
        String text = ServiceNotices.childProgramEnded(language, years);
        assertTrue(text.startsWith(start), text);
        assertTrue(text.contains(others), text);
    }
}

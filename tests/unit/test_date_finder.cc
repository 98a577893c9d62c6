/** @file
 *  @brief Unit tests of find_publication_date: date forms in three languages, the choice of the
 *         publication date among event dates, impossible dates and bounded work on huge input.
 */
#include <catch2/catch.hpp>
#include <chrono>
#include <string>
#include <vector>

#include "agora/ingest/date_finder.h"

namespace {

struct Case {
    std::string input;
    std::string expected;
};

/// Each input as a line of its own at the top of a short text.
void check_alone(const std::vector<Case>& cases) {
    for (const Case& c : cases) {
        INFO(c.input);
        CHECK(agora::find_publication_date(c.input + "\n\nThe text of the report follows.") ==
              c.expected);
    }
}

/// Each input as a whole text (with an empty title).
void check_texts(const std::vector<Case>& cases) {
    for (const Case& c : cases) {
        INFO(c.input);
        CHECK(agora::find_publication_date(c.input) == c.expected);
    }
}

int this_year() {
    const std::chrono::year_month_day today{
        std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
    return static_cast<int>(today.year());
}

}  // namespace

TEST_CASE("Date forms: English", "[unit][dates]") {
    check_alone({
        {"8 June 2020", "2020-06-08"},
        {"June 8, 2020", "2020-06-08"},
        {"June 8 2020", "2020-06-08"},
        {"8th June 2020", "2020-06-08"},
        {"the 8th of June, 2020", "2020-06-08"},
        {"1st March 2021", "2021-03-01"},
        {"Sept. 14, 2019", "2019-09-14"},
        {"14 Sept 2019", "2019-09-14"},
        {"Jan. 3, 2022", "2022-01-03"},
        {"3 JAN 2022", "2022-01-03"},
        {"DECEMBER 31, 2021", "2021-12-31"},
        {"may 5 2021", "2021-05-05"},
        {"June 2020", "2020-06"},
        {"Dec. 2019", "2019-12"},
        {"8 June", ""},
        {"June 8", ""},
    });
}

TEST_CASE("Date forms: French", "[unit][dates]") {
    check_alone({
        {"8 juin 2020", "2020-06-08"},
        {"Le 1er mai 2021", "2021-05-01"},
        {"1er MAI 2021", "2021-05-01"},
        {"12 février 2021", "2021-02-12"},
        {"12 fevrier 2021", "2021-02-12"},
        {"12 FÉVRIER 2021", "2021-02-12"},
        {"15 août 2019", "2019-08-15"},
        {"15 aout 2019", "2019-08-15"},
        {"24 décembre 2022", "2022-12-24"},
        {"24 decembre 2022", "2022-12-24"},
        {"3 janv. 2023", "2023-01-03"},
        {"juin 2020", "2020-06"},
        {"Décembre 2018", "2018-12"},
    });
}

TEST_CASE("Date forms: Russian", "[unit][dates]") {
    check_alone({
        {"8 июня 2020", "2020-06-08"},
        {"8 июня 2020 г.", "2020-06-08"},
        {"8 июня 2020 года", "2020-06-08"},
        {"8 ИЮНЯ 2020 Г.", "2020-06-08"},
        {"1-го марта 2021 г.", "2021-03-01"},
        {"31 декабря 2019 года", "2019-12-31"},
        {"2 мая 2022", "2022-05-02"},
        {"5 янв. 2023", "2023-01-05"},
        {"июнь 2020", "2020-06"},
        {"Июнь 2020 г.", "2020-06"},
        {"май 2021 года", "2021-05"},
        // The genitive without a day reads "of June" ("с июня 2020"), never a cover date.
        {"июня 2020", ""},
    });
}

TEST_CASE("Date forms: numeric", "[unit][dates]") {
    check_alone({
        {"08.06.2020", "2020-06-08"},
        {"8.6.2020", "2020-06-08"},
        {"2022-01-05", "2022-01-05"},
        {"2022/01/05", "2022-01-05"},
        {"2022-01-05T10:30:00Z", "2022-01-05"},
        {"08.06.20", ""},
        {"2022-01-051", ""},
        {"108.06.2020", ""},
        {"08.06.20201", ""},
        {"2022-01", ""},
    });
}

TEST_CASE("Impossible dates are rejected", "[unit][dates]") {
    const std::string far_year = std::to_string(this_year() + 2);
    const std::string next_year = std::to_string(this_year() + 1);
    check_alone({
        {"31 June 2020", ""},
        {"31 июня 2020", ""},
        {"31 juin 2020", ""},
        {"June 31, 2020", ""},
        {"30 February 2021", ""},
        {"29 February 2021", ""},
        {"29 February 2020", "2020-02-29"},
        {"29.02.1900", ""},
        {"29.02.2000", "2000-02-29"},
        {"2020-13-01", ""},
        {"13.13.2020", ""},
        {"00.06.2020", ""},
        {"2020-06-00", ""},
        {"0 June 2020", ""},
        {"8 June 1899", ""},
        {"8 June 1900", "1900-06-08"},
        {"Smarch 2020", ""},
    });
    CHECK(agora::find_publication_date("8 June " + far_year + "\n\nText.").empty());
    CHECK(agora::find_publication_date("8 June " + next_year + "\n\nText.") ==
          next_year + "-06-08");
    // An impossible day is not read again as a month and year.
    CHECK(agora::find_publication_date("32 May 2021\n\nText.").empty());
}

TEST_CASE("Publication cues, datelines and signatures", "[unit][dates]") {
    check_texts({
        {"Published: 8 June 2020\n\nOn 5 January 2022 police detained a journalist.", "2020-06-08"},
        {"Annual review\nPublished on 8 June 2020 by the regional office\n\nText.", "2020-06-08"},
        {"Опубликовано 8 июня 2020\n\nВ январе 2022 года полиция задержала активистов.",
         "2020-06-08"},
        {"Publié le 8 juin 2020\n\nDepuis le 1er mai 2021 la police surveille l'association.",
         "2020-06-08"},
        {"Date: 2020-06-08\n\nThe hearing took place on 2020-05-01.", "2020-06-08"},
        {"Дата публикации: 08.06.2020\n\nТекст.", "2020-06-08"},
        {"Almaty, 8 June 2020 — Police detained five activists on 5 June 2020.", "2020-06-08"},
        {"Алматы, 8 июня 2020 г. — 5 июня 2020 года полиция задержала пятерых.", "2020-06-08"},
        {"г. Бишкек, 8 июня 2020 г.\n\nС 1 мая 2020 года действует новый закон.", "2020-06-08"},
        {"NUR-SULTAN, June 8, 2020 – The court upheld the fine imposed on May 2, 2020.",
         "2020-06-08"},
        {"Kazakhstan: report on freedom of assembly\n\n8 June 2020\n\nOn 5 January 2022 ...",
         "2020-06-08"},
        {"Human rights in Central Asia\nJune 2020\n\nSince January 2019 the situation worsened.",
         "2020-06"},
        {"Алматы, июнь 2020\n\nДоклад.", "2020-06"},
        {"Last updated: 12 June 2020\nPublished: 8 June 2020\n\nText.", "2020-06-08"},
        {"Mis à jour le 12 juin 2020\n\nTexte du communiqué.", "2020-06-12"},
        {"**Published:** 8 June 2020\n\nText.", "2020-06-08"},
        {"- 8 June 2020\n\nText.", "2020-06-08"},
        {"Posted by the regional office on 8 June 2020\n\nText.", "2020-06-08"},
        {"Publié par la rédaction le 8 juin 2020\n\nTexte.", "2020-06-08"},
        {"Publié le 8 juin 2020 à 10h00, mis à jour le 9 juin 2020 à 12h00\n\nTexte.",
         "2020-06-08"},
        {"June 8, 2020 12:00AM EDT\n\nKazakhstan: Free the Detained Activists", "2020-06-08"},
        {"08.06.2020 10:15\n\nВ Алматы задержаны активисты.", "2020-06-08"},
        {"Новости | 8 июня 2020\n\nВ Алматы задержаны активисты.", "2020-06-08"},
        {"Москва, 15 марта 2023 года\n\nЗаявление правозащитников.", "2023-03-15"},
        {"Le 8 juin 2020\n\nMonsieur le Procureur,", "2020-06-08"},
        {"To the Prosecutor General\n\nWe ask you to release those held since 5 January 2022.\n\n"
         "We ask you to investigate the events of 6 January 2022.\n\n8 June 2022\nN. Ivanova",
         "2022-06-08"},
    });
}

TEST_CASE("The publication date wins over dates that occur earlier or more often",
          "[unit][dates]") {
    check_texts({
        // English: event dates in the first sentence, the date in a line of its own at the end.
        {"On 5 January 2022 police detained twelve protesters in Almaty. On 5 January 2022 a\n"
         "court fined six of them, and since 6 January 2022 two remain in custody.\n\n"
         "The lawyers said they would appeal the rulings of 5 January 2022.\n\n"
         "Regional Monitoring Group\n"
         "14 January 2022",
         "2022-01-14"},
        // French: the signature line "Paris, le ..." at the end.
        {"Depuis le 1er mai 2021, l'association est privée de ses locaux. Le 3 mai 2021, la\n"
         "police a fouillé le bureau ; le 3 mai 2021 encore, deux membres ont été entendus.\n\n"
         "Nous demandons la restitution des locaux avant le 1er juillet 2021.\n\n"
         "Paris, le 8 juin 2021\n"
         "Le bureau de la fédération",
         "2021-06-08"},
        // Russian: a header with "Опубликовано" after a first line naming an event date.
        {"Задержания 5 января 2022 года\n"
         "Опубликовано: 20 января 2022\n\n"
         "5 января 2022 года в Алматы были задержаны десятки человек. С 6 января 2022 года\n"
         "их родственники не получают сведений. До 10 января 2022 года адвокатов не пускали.",
         "2022-01-20"},
        // A dateline after the title, then many event dates.
        {"Bishkek court upholds ban\n\n"
         "Bishkek, 3 March 2023 — The city court on 1 March 2023 upheld the ban of 12 February\n"
         "2023. Between 12 February 2023 and 1 March 2023 the group could not meet.",
         "2023-03-03"},
        // French: a dated header line without a city.
        {"Communiqué de presse\n\n"
         "Le 4 octobre 2022\n\n"
         "Le 28 septembre 2022, la cour a confirmé la condamnation prononcée le 2 août 2022.",
         "2022-10-04"},
        // Russian: signature at the end after event dates.
        {"С 1 апреля 2021 года организация не может открыть счёт. 15 апреля 2021 года банк\n"
         "отказал повторно.\n\n"
         "Правление фонда\n"
         "Алматы, 30 апреля 2021 г.",
         "2021-04-30"},
    });
}

TEST_CASE("Texts with only event dates have no publication date", "[unit][dates]") {
    check_texts({
        {"On 5 January 2022 police detained twelve protesters in Almaty. They were released\n"
         "on 7 January 2022 after a court hearing.",
         ""},
        {"The organisation has been under pressure since June 2020, when its office was searched.",
         ""},
        {"В январе 2022 года полиция задержала активистов. С 6 января 2022 года их держат под\n"
         "стражей, до 10 января 2022 года адвокатов к ним не пускали.",
         ""},
        {"5 января 2022 года полиция задержала в Алматы десятки человек.", ""},
        {"Depuis le 1er mai 2021, l'association est privée de ses locaux. Le tribunal a rejeté\n"
         "son recours le 3 juin 2021.",
         ""},
        {"Le 3 juin 2021, le tribunal a rejeté le recours de l'association.", ""},
        {"The hearing, set for 5-8 June 2020, was postponed.", ""},
        {"Many events were recorded. Later in the year a report published on 8 June 2020 by the\n"
         "ministry claimed that nothing had happened; we disagree with it entirely.",
         ""},
        {"Many events were recorded.\n\n" + std::string(400, '.') +
             "\n\nThe report was published on 8 June 2020 by the ministry, which denied it all.",
         ""},
        // A chronology: dates heading every entry say nothing about publication.
        {"Chronology\n\n"
         "5 January 2022\nPolice detained protesters.\n\n"
         "6 January 2022\nThe internet was shut down.\n\n"
         "7 January 2022\nA curfew was announced.\n",
         ""},
        {"5 January 2022 — police detained protesters.\n6 January 2022 — the internet was shut "
         "down.\n7 January 2022 — a curfew was announced.",
         ""},
        {"In Almaty, 5 January 2022 police detained dozens of people.", ""},
        {"As of 1 January 2022, fifty people remain in custody.", ""},
        {"The hearing of 12 June 2020 was postponed until 15 June 2020.", ""},
        {"Date of birth: 12 June 1985\n\nA profile of the lawyer.", ""},
        {"Дата рождения: 12.06.1985\n\nПрофиль адвоката.", ""},
        {"Née le 3 mars 1970 à Lyon, elle dirige l'association.", ""},
        {"Report\n\nThis report was prepared in June 2020 by the monitoring group.", ""},
        // A year alone is not a date.
        {"Annual report\nAlmaty, 2021\n\nText.", ""},
        {"No dates at all in this text.", ""},
        {"", ""},
    });
}

TEST_CASE("The title counts like a header", "[unit][dates]") {
    struct TitleCase {
        const char* title;
        const char* text;
        const char* expected;
    };
    const std::vector<TitleCase> cases = {
        {"Weekly bulletin, 8 June 2020", "On 5 June 2020 a picket was dispersed.", "2020-06-08"},
        {"Еженедельный обзор, 8 июня 2020 г.", "5 июня 2020 года пикет разогнали.", "2020-06-08"},
        {"Bulletin hebdomadaire du 8 juin 2020", "Le 5 juin 2020, un piquet a été dispersé.",
         "2020-06-08"},
        {"Report: June 2020", "Since January 2019 the situation has worsened.", "2020-06"},
        {"Police detained activists on 5 January 2022", "Text without dates.", ""},
        {"Weekly bulletin", "Almaty, 8 June 2020 — Text.", "2020-06-08"},
        // A published date in the text wins over a date inside the title's words.
        {"The events of 5 January 2022", "Published: 20 January 2022\n\nText.", "2022-01-20"},
    };
    for (const TitleCase& c : cases) {
        INFO(c.title);
        CHECK(agora::find_publication_date(c.text, c.title) == c.expected);
    }
}

TEST_CASE("Huge input is bounded: only the head and the tail are read", "[unit][dates]") {
    std::string middle;
    for (int i = 0; i < 50000; ++i) middle += "Police detained people on 5 January 2022 again.\n";
    const std::string body = "Report on detentions\n\n" + middle;

    const auto start = std::chrono::steady_clock::now();
    CHECK(agora::find_publication_date("Published: 8 June 2022\n" + body).empty() == false);
    CHECK(agora::find_publication_date(body).empty());
    // A signature at the very end of a 2.4 MB text is still found.
    CHECK(agora::find_publication_date(body + "\nAlmaty, 14 June 2022\n") == "2022-06-14");
    // A dateline deep in the middle is not looked at.
    const std::string buried = body.substr(0, body.size() / 2) + "Almaty, 9 June 2022 — Text.\n" +
                               body.substr(body.size() / 2);
    CHECK(agora::find_publication_date(buried).empty());
    // One long line without line breaks, and a text of digits.
    CHECK(agora::find_publication_date(std::string(3000000, 'a')).empty());
    CHECK(agora::find_publication_date(std::string(3000000, '1')).empty());
    const auto elapsed = std::chrono::steady_clock::now() - start;
    CHECK(elapsed < std::chrono::seconds(1));
}

TEST_CASE("Odd bytes do not break the scanner", "[unit][dates]") {
    check_texts({
        {"\xFF\xFE\n8 June 2020 \xC3", "2020-06-08"},
        {"\xFF\xFE 8 June 2020 \xC3", ""},
        {"8\xC2\xA0June\xC2\xA0"
         "2020\n\nText.",
         "2020-06-08"},
        {"June", ""},
        {"8", ""},
        {"8 June 20", ""},
        {"2020-06-", ""},
        {"\xD0", ""},
    });
}

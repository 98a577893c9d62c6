/** @file
 *  @brief NameKeyer as tables: spellings that must share a key, pairs that must not, the
 *  decisions in between, the key's shape and the display romanisation.
 */
#include "agora/entities/name_key.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using agora::NameKeyer;

namespace {

/// Spellings of one name (one person) that must all get the same key.
struct MeetCase {
    std::vector<std::string> spellings;
};

/// Two names that must get different keys.
struct ApartCase {
    const char* a;
    const char* b;
};

/// A name and what it should be shown as.
struct RomanizeCase {
    const char* input;
    const char* expected;
};

void check_meet(NameKeyer& keyer, const MeetCase& c) {
    const std::string first = keyer.name_key(c.spellings.front());
    INFO(c.spellings.front() << " -> " << first);
    CHECK_FALSE(first.empty());
    for (const std::string& spelling : c.spellings) {
        INFO(spelling);
        CHECK(keyer.name_key(spelling) == first);
    }
}

void check_apart(NameKeyer& keyer, const ApartCase& c) {
    INFO(c.a << " -> " << keyer.name_key(c.a) << ", " << c.b << " -> " << keyer.name_key(c.b));
    CHECK(keyer.name_key(c.a) != keyer.name_key(c.b));
}

}  // namespace

TEST_CASE("Zhovtis meets in every script, spelling and case", "[unit][name_key]") {
    NameKeyer keyer;
    const MeetCase cases[] = {
        {{"Евгений Жовтис", "Евгения Жовтиса", "Евгению Жовтису", "Евгением Жовтисом",
          "Евгении Жовтисе", "Yevgeniy Zhovtis", "Yevgeny Zhovtis", "Evgeniy Zhovtis",
          "Evgenii Jovtis", "Evgueni Jovtis", "Evgenij Žovtis", "ЕВГЕНИЙ ЖОВТИС", "yevgeniy zhovtis"}},
        {{"Жовтис", "Жовтиса", "Жовтису", "Жовтисом", "Zhovtis", "Jovtis", "Žovtis", "ZHOVTIS"}},
        {{"Евгений", "Евгения", "Евгению", "Евгением", "Yevgeniy", "Yevgeny", "Evgeny", "Evgenii",
          "Evgeniy", "Evgenij"}},
    };
    for (const MeetCase& c : cases) check_meet(keyer, c);
}

TEST_CASE("Tokayev, Mamai, Navalny and Khabirov meet across spellings", "[unit][name_key]") {
    NameKeyer keyer;
    const MeetCase cases[] = {
        {{"Токаев", "Токаева", "Токаеву", "Токаевым", "Токаеве", "Тоқаев", "Tokayev", "Tokaev",
          "Tokajev", "Tokaiev", "Toqaev"}},
        {{"Кассым-Жомарт Токаев", "Kassym-Jomart Tokayev", "Kassym-Zhomart Tokaev",
          "Кассым-Жомарт Тоқаев", "Kassym‑Jomart Tokajev"}},  // U+2011 non-breaking hyphen
        {{"Мамай", "Мамая", "Мамаю", "Мамаем", "Mamai", "Mamay", "Mamaj"}},
        {{"Навальный", "Навального", "Навальному", "Навальным", "Навальном", "Navalny",
          "Navalnyy", "Naval'nyy", "Navalnyi", "Naval’ny"}},
        {{"Tokayev", "Tokayev's", "Tokayev’s", "TOKAYEV'S"}},  // English possessive
        {{"Хабиров", "Хабирова", "Хабировым", "Khabirov", "Habirov"}},
        {{"Шелест", "Шелеста", "Shelest", "Schelest"}},
    };
    for (const MeetCase& c : cases) check_meet(keyer, c);
}

TEST_CASE("Letter-level romanisation variants meet", "[unit][name_key]") {
    NameKeyer keyer;
    const MeetCase cases[] = {
        {{"Чечня", "Chechnya", "Tchetchnia"}},                 // ч → ch/tch, я → ya/ia
        {{"Шарипов", "Sharipov", "Scharipov"}},                 // ш → sh/sch
        {{"Щукин", "Shchukin"}},                                // щ → shch
        {{"Цветков", "Tsvetkov", "Tzvetkov"}},                  // ц → ts/tz
        {{"Цибульский", "Tsibulskiy", "Cibulsky"}},             // ц → c before i
        {{"Хасанов", "Khasanov", "Hasanov"}},                   // х → kh/h
        {{"Жанна", "Zhanna", "Janna"}},                         // ж → zh/j
        {{"Юлия", "Yuliya", "Iulia", "Yulia"}},                 // ю → yu/iu
        {{"Яковлев", "Yakovlev", "Iakovlev"}},                  // я at the start → ya/ia
        {{"Ильяшев", "Ilyashev", "Il'yashev", "Iliashev"}},    // я after ь
        {{"Елена", "Yelena", "Elena"}},                         // е at the start → ye/e
        {{"Пётр", "Петр", "Pyotr", "Petr"}},                    // ё → yo/e
        {{"Соловьёв", "Соловьев", "Solovyov", "Solovyev", "Soloviev", "Solov'yev"}},
        {{"Алексей", "Алексея", "Алексеем", "Aleksey", "Alexei", "Aleksei", "Alexey"}},
        {{"Сергей", "Сергея", "Sergey", "Sergei"}},
        {{"Николай", "Николая", "Николаю", "Николаем", "Nikolay", "Nikolai", "Nicolai"}},
        {{"Дмитрий", "Dmitriy", "Dmitry", "Dmitri", "Dmitrii"}},
        {{"Кассым", "Kassym", "Kasym", "Kasim"}},
        {{"Айгуль", "Aygul", "Aigul", "Aigul'"}},
        {{"Мария", "Марии", "Марию", "Марией", "Mariya", "Maria"}},
        {{"Анна", "Анны", "Анне", "Анну", "Анной", "Anna"}},
        {{"Ольга", "Ольги", "Olga", "Ol'ga"}},
        {{"Наталья", "Натальи", "Наталью", "Натальей", "Natalya", "Natal'ya", "Natalia"}},
        {{"Илья", "Ильи", "Илье", "Ильей", "Ilya", "Il'ya", "Ilia"}},
        {{"Андрей", "Андрея", "Андреем", "Andrey", "Andrei"}},
        {{"Алиев", "Алиева", "Aliev", "Aliyev"}},
        {{"Джамбул", "Dzhambul", "Djambul", "Jambul"}},
        {{"Игорь", "Игоря", "Игорем", "Igor"}},
        {{"Артём", "Артем", "Artyom", "Artem"}},
        {{"Юрий", "Yuriy", "Yuri", "Iouri"}},
        {{"Зеленский", "Зеленского", "Зеленским", "Zelensky", "Zelenskyy", "Zelenskiy"}},
        {{"Нұрсұлтан Назарбаев", "Нурсултан Назарбаев", "Nursultan Nazarbayev",
          "Nursultan Nazarbaev"}},
        {{"Ерлан", "Yerlan", "Erlan"}},
        {{"Политковская", "Политковской", "Politkovskaya", "Politkovskaia"}},
    };
    for (const MeetCase& c : cases) check_meet(keyer, c);
}

TEST_CASE("French and English names keep their words", "[unit][name_key]") {
    NameKeyer keyer;
    const MeetCase cases[] = {
        {{"François Hollande", "Francois Hollande", "FRANÇOIS HOLLANDE", "françois  hollande"}},
        {{"Jean-Pierre Chevènement", "Jean-Pierre Chevenement", "Jean‐Pierre Chevènement"}},
        {{"Marc", "Марк", "Mark"}},
        {{"Alexander", "Aleksander"}},
    };
    for (const MeetCase& c : cases) check_meet(keyer, c);
    CHECK(keyer.word_keys("Jean-Pierre Chevènement").size() == 2);
    CHECK(keyer.name_key("Jean-Pierre").find('-') != std::string::npos);
    CHECK(keyer.name_key("Jean-Pierre").find(' ') == std::string::npos);
}

TEST_CASE("Different people stay apart", "[unit][name_key]") {
    NameKeyer keyer;
    const ApartCase cases[] = {
        {"Айгуль Нурболатова", "Айдос Нурболатов"},  // surnames meet, first names do not
        {"Aigul Nurbolatova", "Aidos Nurbolatov"},
        {"Ilyashev", "Ilyasov"},
        {"Ильяшев", "Ильясов"},
        {"Ivanov", "Ivanenko"},
        {"Sergei", "Sergeev"},
        {"Сергей", "Сергеев"},
        {"Mamai", "Mamaev"},
        {"Мамай", "Мамаев"},
        {"Marat", "Marta"},
        {"Марат", "Марта"},
        {"Anna", "Anton"},
        {"Анна", "Антон"},
        {"Иванов", "Иваненко"},
        {"Ильяшев", "Ильяшенко"},
        {"Щукин", "Шукин"},
        {"Жуков", "Зуев"},
        {"Tokayev", "Tokarev"},
        {"Zhovtis", "Zhovtyak"},
        {"Евгений Жовтис", "Евгений Жовтяк"},
        {"Navalny", "Navalnyuk"},
        {"Khabirov", "Kabirov"},
        {"Tsoi", "Soi"},
        {"Кассым-Жомарт Токаев", "Кассым Жомарт Токаев"},  // hyphenated and not: different words
    };
    for (const ApartCase& c : cases) check_apart(keyer, c);
}

TEST_CASE("Documented decisions: male and female surname forms, Smith and Smyth", "[unit][name_key]") {
    NameKeyer keyer;
    // Male and female forms of a surname share a key: -ова is also the male genitive
    // (Иванова = of Ivanov), so keeping them apart would split one man into two.
    const MeetCase merged[] = {
        {{"Ivanov", "Ivanova", "Иванов", "Иванова", "Ивановой", "Иванову"}},
        {{"Petrov", "Petrova", "Петров", "Петровой"}},
        {{"Aliev", "Aliyeva", "Alieva", "Алиева", "Алиевой"}},
        {{"Nurbolatov", "Nurbolatova", "Нурболатов", "Нурболатова", "Нурболатовой"}},
        {{"Navalny", "Navalnaya", "Навальный", "Навальная", "Навальной", "Навальную"}},
        {{"Smith", "Smyth"}},  // y and i are one letter outside glides
        {{"Yevgeniy", "Yevgenia", "Евгения"}},  // Евгения is also the genitive of Евгений
    };
    for (const MeetCase& c : merged) check_meet(keyer, c);
    // Different first names keep two members of one family apart.
    CHECK(keyer.name_key("Anna Ivanova") != keyer.name_key("Ivan Ivanov"));
    CHECK(keyer.name_key("Yulia Navalnaya") != keyer.name_key("Alexei Navalny"));
}

TEST_CASE("Keys are lower-case ASCII words", "[unit][name_key]") {
    NameKeyer keyer;
    const char* inputs[] = {"Евгений Жовтис", "Kassym-Jomart Tokayev", "François Hollande",
                            "Тоқаев", "Ђорђе", "Ωmega", "O'Brien", "Naval'nyy"};
    for (const char* input : inputs) {
        INFO(input);
        for (const std::string& key : keyer.word_keys(input)) {
            CHECK_FALSE(key.empty());
            for (char c : key) CHECK(((c >= 'a' && c <= 'z') || c == '-'));
            CHECK(key.front() != '-');
            CHECK(key.back() != '-');
        }
    }
    CHECK(keyer.word_key("") == "");
    CHECK(keyer.word_key("1984") == "");
    CHECK(keyer.word_key("—") == "");
    CHECK(keyer.name_key("  ,  ") == "");
    CHECK(keyer.word_keys("Кассым-Жомарт Токаев").size() == 2);
    CHECK(keyer.word_keys("Евгений, Жовтис.").size() == 2);
    CHECK(keyer.word_key("Жовтиса") == keyer.word_key("Zhovtis"));
    CHECK(keyer.word_key("Кассым-Жомарт") == keyer.word_keys("Kassym-Jomart Tokayev").front());
    CHECK(keyer.name_key("Евгений Жовтис") ==
          keyer.word_key("Евгений") + " " + keyer.word_key("Жовтис"));
}

TEST_CASE("Keys are stable across calls and the cache", "[unit][name_key]") {
    NameKeyer keyer;
    const std::string first = keyer.name_key("Евгения Жовтиса");
    for (int i = 0; i < 10000; ++i) keyer.word_key("Слово" + std::to_string(i) + "ов");
    CHECK(keyer.name_key("Евгения Жовтиса") == first);
    NameKeyer other;
    CHECK(other.name_key("Евгения Жовтиса") == first);
}

TEST_CASE("romanize gives a readable BGN-like form", "[unit][name_key]") {
    NameKeyer keyer;
    const RomanizeCase cases[] = {
        {"Жовтис", "Zhovtis"},
        {"Евгений Жовтис", "Yevgeniy Zhovtis"},
        {"Навальный", "Navalnyy"},
        {"Кассым-Жомарт Токаев", "Kassym-Zhomart Tokayev"},
        {"Хабиров", "Khabirov"},
        {"Щукин", "Shchukin"},
        {"Соловьёв", "Solovyev"},
        {"Тоқаев", "Toqaev"},
        {"François Hollande", "François Hollande"},  // Latin stays as written
        {"", ""},
    };
    for (const RomanizeCase& c : cases) {
        INFO(c.input);
        CHECK(keyer.romanize(c.input) == c.expected);
    }
}

/** @file
 *  @brief Grouping an article's mentions into distinct entities: surnames join the full name they
 *         abbreviate, acronyms join their expansion, known aliases join their canonical name.
 */
#include "agora/entities/extractor.h"

#include "agora/util/utf8.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <map>

namespace agora {
namespace {

// One distinct form of an entity while the article is read.
struct FormCount {
    std::string surface;
    std::uint32_t count = 0;
    std::uint32_t first_start = 0;
};

// An entity being assembled.
struct Group {
    std::string key;
    std::vector<FormCount> forms;
    std::vector<std::string> word_keys;
    std::uint32_t mentions = 0;
    std::uint32_t first_start = UINT32_MAX;
    bool short_form = false;
    std::string acronym;

    void add(const std::string& surface, std::uint32_t start, std::uint32_t count = 1) {
        mentions += count;
        first_start = std::min(first_start, start);
        for (FormCount& f : forms) {
            if (f.surface == surface) {
                f.count += count;
                f.first_start = std::min(f.first_start, start);
                return;
            }
        }
        forms.push_back({surface, count, start});
    }
};

std::vector<std::string_view> split_words(std::string_view surface) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < surface.size()) {
        const std::size_t space = surface.find(' ', i);
        const std::size_t end = space == std::string_view::npos ? surface.size() : space;
        if (end > i) words.push_back(surface.substr(i, end - i));
        i = end + 1;
    }
    return words;
}

// "Е.", "A", "J.-P." : an initial stands for a first name and carries no key of its own.
bool is_initial(std::string_view word) { return letter_count(word) <= 1 || word.back() == '.'; }

// "KONATÉ-BERTHIER", "DALISAY": a word of two letters or more, none of them lowercase.
bool all_caps(std::string_view word) {
    std::size_t letters = 0;
    for (std::int32_t i = 0; i < static_cast<std::int32_t>(word.size());) {
        UChar32 c;
        U8_NEXT(word.data(), i, static_cast<std::int32_t>(word.size()), c);
        if (c < 0) return false;
        if (u_islower(c)) return false;
        if (u_isalpha(c)) ++letters;
    }
    return letters >= 2;
}

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// A Russian patronymic (Александрович, Александровны, Kemelevich): left out of the person's key, so
// that "Евгений Александрович Жовтис" and "Евгений Жовтис" are one person.
bool is_patronymic(std::string_view word_key) {
    for (std::string_view tail : {"ovich", "evich", "ovic", "evic", "ovna", "evna", "ichna", "ovn",
                                  "evn", "ovitch", "evitch"}) {
        if (ends_with(word_key, tail) && word_key.size() > tail.size() + 1) return true;
    }
    return false;
}

std::string join(const std::vector<std::string>& parts) {
    std::string out;
    for (const std::string& p : parts) {
        if (!out.empty()) out += ' ';
        out += p;
    }
    return out;
}

// Forms most frequent first (then first seen); the display form is the first full one.
DocEntity finish(EntityKind kind, Group& group) {
    std::stable_sort(group.forms.begin(), group.forms.end(), [](const FormCount& a, const FormCount& b) {
        if (a.count != b.count) return a.count > b.count;
        return a.first_start < b.first_start;
    });
    DocEntity e;
    e.kind = kind;
    e.key = std::move(group.key);
    e.mentions = group.mentions;
    e.first_start = group.first_start;
    e.short_form = group.short_form;
    e.acronym = std::move(group.acronym);
    e.word_keys = std::move(group.word_keys);
    for (FormCount& f : group.forms) e.forms.push_back(std::move(f.surface));
    e.display = e.forms.front();
    if (kind != EntityKind::country) {
        // A full form; for a person, one in the usual case and order before `DEMBÉLÉ Boubacar Sidy`.
        const auto full = [](const std::string& form) { return form.find(' ') != std::string::npos; };
        const auto usual = [&](const std::string& form) {
            return kind != EntityKind::person || !all_caps(form.substr(0, form.find(' ')));
        };
        auto it = std::find_if(e.forms.begin(), e.forms.end(), [&](const std::string& f) { return full(f) && usual(f); });
        if (it == e.forms.end()) it = std::find_if(e.forms.begin(), e.forms.end(), full);
        if (it != e.forms.end()) e.display = *it;
    }
    return e;
}

void order_by_mentions(std::vector<DocEntity>& entities) {
    std::stable_sort(entities.begin(), entities.end(), [](const DocEntity& a, const DocEntity& b) {
        if (a.mentions != b.mentions) return a.mentions > b.mentions;
        return a.first_start < b.first_start;
    });
}

}  // namespace

EntityExtractor::EntityExtractor(Analyzer& analyzer) : analyzer_(analyzer) {}

void EntityExtractor::add_known(const std::vector<KnownEntity>& known) {
    recognizer_.add_known(known);
    for (const KnownEntity& entity : known) {
        const bool person = entity.kind == EntityKind::person;
        auto& table = person ? known_persons_ : known_organisations_;
        const KnownTarget target{person ? keyer_.name_key(entity.name) : org_key(entity.name), entity.name};
        if (target.key.empty()) continue;
        table[target.key] = target;
        for (const std::string& alias : entity.aliases) {
            const std::string key = person ? keyer_.name_key(alias) : org_key(alias);
            if (!key.empty()) table[key] = target;
        }
    }
}

void EntityExtractor::apply_known(DocEntity& entity) {
    const auto& table = entity.kind == EntityKind::person ? known_persons_ : known_organisations_;
    auto it = table.find(entity.key);
    if (it == table.end()) return;
    entity.key = it->second.key;
    entity.display = it->second.display;
    entity.short_form = false;
    if (entity.kind == EntityKind::person) {
        entity.word_keys.clear();
        for (std::string_view w : split_words(entity.key)) entity.word_keys.emplace_back(w);
    }
}

ArticleEntities EntityExtractor::extract(std::string_view title, const std::vector<Token>& title_tokens,
                                         std::string_view text, const std::vector<Token>& body_tokens) {
    ArticleEntities out;
    const CountryGazetteer& gazetteer = CountryGazetteer::instance();
    countries_.clear();
    gazetteer.find(text, body_tokens, analyzer_, countries_);
    mentions_.clear();
    recognizer_.recognize(text, body_tokens, countries_, mentions_);

    std::map<std::string, Group> countries;
    std::vector<std::string> order;
    // A country name inside a person's name is a first name (`Maurice Kamto`), not the country; one
    // inside an organisation's name (`МВД России`, `ambassade de Suisse`, `Universidad de Costa Rica`)
    // is found through that organisation's facet, and does not make the document one that mentions
    // the country: such bodies turn up in reports on other countries (the embassy, the university of
    // an author, a donor).
    const auto in_name = [&](const Mention& c) {
        return std::any_of(mentions_.begin(), mentions_.end(), [&](const Mention& p) {
            return p.kind != EntityKind::country && p.start <= c.start && c.end <= p.end;
        });
    };
    for (const Mention& m : countries_) {
        if (in_name(m)) continue;
        Group& g = countries[m.code];
        if (g.key.empty()) {
            g.key = m.code;
            order.push_back(m.code);
        }
        g.add(m.surface, m.start);
    }
    for (const std::string& code : order) out.countries.push_back(finish(EntityKind::country, countries[code]));
    order_by_mentions(out.countries);

    group_persons(mentions_, out);
    group_organisations(mentions_, body_tokens, out);

    // The country of the title, else one that stands out among the mentions.
    if (!title_tokens.empty()) {
        std::vector<Mention> in_title;
        gazetteer.find(title, title_tokens, analyzer_, in_title);
        if (!in_title.empty()) out.about = in_title.front().code;
    }
    if (out.about.empty() && !out.countries.empty()) {
        const DocEntity& top = out.countries.front();
        const bool alone = out.countries.size() == 1;
        const bool dominant = out.countries.size() > 1 && top.mentions >= 2 &&
                              top.mentions > out.countries[1].mentions;
        if (alone || dominant) out.about = top.key;
    }
    return out;
}

void EntityExtractor::group_persons(const std::vector<Mention>& mentions, ArticleEntities& out) {
    std::vector<Group> full;
    struct Single {
        std::string key;
        std::string surface;
        std::uint32_t start;
    };
    std::vector<Single> singles;
    for (const Mention& m : mentions) {
        if (m.kind != EntityKind::person) continue;
        std::vector<std::string> keys;
        std::size_t caps_first = 0;  // leading words in capitals, while the rest is not
        bool leading = true;
        for (std::string_view word : split_words(m.surface)) {
            if (is_initial(word)) continue;
            std::string key = keyer_.word_key(word);
            if (key.empty() || is_patronymic(key)) continue;
            leading = leading && all_caps(word);
            if (leading) ++caps_first;
            keys.push_back(std::move(key));
        }
        if (keys.empty()) continue;
        // `DEMBÉLÉ Boubacar Sidy`: a surname in capitals written first is keyed where the name puts it,
        // last, so that `Boubacar Sidy Dembélé` and `Dembélé` meet it.
        if (caps_first > 0 && caps_first < keys.size())
            std::rotate(keys.begin(), keys.begin() + static_cast<std::ptrdiff_t>(caps_first), keys.end());
        if (keys.size() == 1) {
            singles.push_back({keys.front(), m.surface, m.start});
            continue;
        }
        const std::string key = join(keys);
        auto it = std::find_if(full.begin(), full.end(), [&](const Group& g) { return g.key == key; });
        if (it == full.end()) {
            full.emplace_back();
            it = full.end() - 1;
            it->key = key;
            it->word_keys = keys;
        }
        it->add(m.surface, m.start);
    }
    // A surname joins the one full name of the article that ends with it; with none it stands alone;
    // with several it is ambiguous and is left out rather than given to the wrong person.
    std::vector<Group> alone;
    for (const Single& s : singles) {
        Group* target = nullptr;
        int candidates = 0;
        for (Group& g : full) {
            if (g.word_keys.back() == s.key) {
                target = &g;
                ++candidates;
            }
        }
        if (candidates == 1) {
            target->add(s.surface, s.start);
            continue;
        }
        if (candidates > 1) continue;
        auto it = std::find_if(alone.begin(), alone.end(), [&](const Group& g) { return g.key == s.key; });
        if (it == alone.end()) {
            alone.emplace_back();
            it = alone.end() - 1;
            it->key = s.key;
            it->word_keys = {s.key};
            it->short_form = true;
        }
        it->add(s.surface, s.start);
    }
    for (Group& g : full) out.persons.push_back(finish(EntityKind::person, g));
    for (Group& g : alone) out.persons.push_back(finish(EntityKind::person, g));
    for (DocEntity& e : out.persons) apply_known(e);
    // Known aliases may have mapped two groups onto one canonical name: merge them.
    std::vector<DocEntity> merged;
    for (DocEntity& e : out.persons) {
        auto it = std::find_if(merged.begin(), merged.end(), [&](const DocEntity& m) { return m.key == e.key; });
        if (it == merged.end()) {
            merged.push_back(std::move(e));
            continue;
        }
        it->mentions += e.mentions;
        it->first_start = std::min(it->first_start, e.first_start);
        for (std::string& f : e.forms) {
            if (std::find(it->forms.begin(), it->forms.end(), f) == it->forms.end()) it->forms.push_back(std::move(f));
        }
        it->short_form = it->short_form && e.short_form;
    }
    out.persons = std::move(merged);
    order_by_mentions(out.persons);
}

std::string EntityExtractor::org_key_of_tokens(const std::vector<Token>& tokens, std::uint32_t first,
                                               std::uint32_t last) {
    std::string key;
    for (std::uint32_t i = first; i <= last && i < tokens.size(); ++i) {
        const Token& t = tokens[i];
        if (!key.empty()) key += ' ';
        key += t.cyrillic && StemmerSet::has_stem(t.term) ? analyzer_.stem(t) : t.term;
    }
    return key;
}

std::string EntityExtractor::org_key(std::string_view name) {
    scratch_.clear();
    analyzer_.analyze_query(name, Lang::unknown, scratch_);
    if (scratch_.empty()) return {};
    return org_key_of_tokens(scratch_, 0, static_cast<std::uint32_t>(scratch_.size() - 1));
}

void EntityExtractor::group_organisations(const std::vector<Mention>& mentions,
                                          const std::vector<Token>& tokens, ArticleEntities& out) {
    std::vector<Group> groups;
    std::map<std::string, std::string> acronym_key;  // acronym → key of its expansion
    auto group_for = [&](const std::string& key) -> Group& {
        auto it = std::find_if(groups.begin(), groups.end(), [&](const Group& g) { return g.key == key; });
        if (it != groups.end()) return *it;
        groups.emplace_back();
        groups.back().key = key;
        return groups.back();
    };
    // Expansions first, so that an acronym used before its definition still joins it.
    for (const Mention& m : mentions) {
        if (m.kind != EntityKind::organisation || m.acronym.empty() || m.surface == m.acronym) continue;
        const std::string key = org_key_of_tokens(tokens, m.first_token, m.last_token);
        if (key.empty()) continue;
        acronym_key.emplace(m.acronym, key);
    }
    for (const Mention& m : mentions) {
        if (m.kind != EntityKind::organisation) continue;
        const bool lone_acronym = !m.acronym.empty() && m.surface == m.acronym;
        if (lone_acronym) {
            if (auto it = acronym_key.find(m.acronym); it != acronym_key.end()) {
                group_for(it->second).add(m.surface, m.start);
                continue;
            }
        }
        const std::string key = m.full_name.empty() ? org_key_of_tokens(tokens, m.first_token, m.last_token)
                                                    : org_key(m.full_name);
        if (key.empty()) continue;
        Group& g = group_for(key);
        g.add(m.surface, m.start);
        if (!m.acronym.empty() && !lone_acronym) g.acronym = m.acronym;
    }
    for (Group& g : groups) {
        // Written only as an acronym (or an all-caps word): a short form, to join an expansion seen in
        // another article.
        g.short_form = g.forms.size() == 1 && g.acronym.empty() && g.forms.front().surface.find(' ') == std::string::npos;
        DocEntity e = finish(EntityKind::organisation, g);
        if (!e.acronym.empty() && std::find(e.forms.begin(), e.forms.end(), e.acronym) == e.forms.end()) {
            e.forms.push_back(e.acronym);
        }
        apply_known(e);
        out.organisations.push_back(std::move(e));
    }
    order_by_mentions(out.organisations);
}

}  // namespace agora

/** @file
 *  @brief Private to the recogniser: the cue vocabulary (roles, speech verbs, organisation head words,
 *         function words, months, legal instruments) and the word keys it is looked up by.
 *
 *  Only kinds of words live here, never names of persons or organisations.
 */
#pragma once

#include "agora/analysis/language.h"

#include <cstdint>
#include <string_view>

namespace agora::cues {

/// What a word can tell the recogniser; a word may carry several flags.
enum Flag : std::uint32_t {
    kFunction = 1u << 0,     ///< article, preposition, pronoun, adverb: never a name, stripped at sentence start
    kRole = 1u << 1,         ///< activist, lawyer, министр, avocat: a person's name often follows
    kHonorific = 1u << 2,    ///< Mr, Dr, Mme, господин
    kSpeech = 1u << 3,       ///< said, заявил, déclaré
    kAccording = 1u << 4,    ///< according (to), (по) словам, selon
    kOrgHead = 1u << 5,      ///< Committee, бюро, Ligue: makes a capitalised phrase an organisation
    kNonName = 1u << 6,      ///< Human, Central, Region, Kazakh: capitalised but not part of a person's name
    kEvent = 1u << 7,        ///< Day, Summit, Award, Report: the phrase is neither person nor organisation
    kLegal = 1u << 8,        ///< Code, Convention, закон, loi: a legal instrument, not an organisation
    kMonth = 1u << 9,        ///< months and weekdays
    kPlacePrep = 1u << 10,   ///< in, в, à: a lone capitalised word after it is a place
    kParticle = 1u << 11,    ///< de, van, ibn: lowercase inside a name
    kConnector = 1u << 12,   ///< of, for, de, pour, по: links an organisation's head to its complement
    kPatronymic = 1u << 13,  ///< uly, кызы: lowercase Kazakh patronymic marker that may end a name
    kLegalForm = 1u << 14,   ///< NGO, ОФ, газета: an organisation's name follows in quotes
    kDeterminer = 1u << 15,  ///< the, la, les
    kAuxiliary = 1u << 16,   ///< has, had, a (fr): may stand between a name and a speech verb
    kNotOrgAcronym = 1u << 17,  ///< COVID, LGBT, НКО, ONG: all-caps, but not an organisation
    kAbbreviation = 1u << 18,   ///< Mr, Dr, St, г, им: a period after it does not end the sentence
    kAssembly = 1u << 19,    ///< Mazhilis, Kenesh, Duma: a parliament word, a body's name even on its own
    kPrize = 1u << 20,       ///< prize, prix, премия: a name right after it is the prize's, not a person
    kField = 1u << 21,       ///< Date, Hearing, Defendant, Contact: header field labels, never part of a name
    kPlatform = 1u << 22,    ///< Facebook, YouTube, Telegram: an online platform, not part of a channel's name
    kCompanyForm = 1u << 23,  ///< Ltd, GmbH, SARL, ТОО: a company's legal form, which text often leaves out
    kTerritory = 1u << 24,   ///< город, район, область; Africa, Asia: a kind of territory or a continent
    kCompanyPrefix = 1u << 25,  ///< ПАО, PT, JSC: a legal form written before the company's name
};

/// Key of a normalised name word: a prefix of @p term, so no allocation. Cyrillic terms lose one
/// Russian inflectional ending (`министра`, `министром` → `министр`); Latin terms a plural `s`/`x`
/// (`militantes` → `militante`).
std::string_view word_key(std::string_view term, bool cyrillic);

/// Flags of a term in @p lang (Lang::unknown reads as English). Latin terms are looked up as written
/// and by their singular (`activists`); Cyrillic ones by their key, months as written. For Latin terms,
/// the content flags (head, role, legal, event, non-name) of the other Latin language are added, since
/// English names appear in French text and the other way round; months are not (`Mai` in English).
std::uint32_t lookup(std::string_view term, bool cyrillic, Lang lang);

/// True when @p term (normalised) ends like a Russian or Kazakh surname or patronymic, in any case
/// form, written in Cyrillic or in Latin transliteration.
bool has_name_ending(std::string_view term, bool cyrillic);

/// True when @p term (Cyrillic, normalised) ends like a Russian adjective in any case form.
bool is_russian_adjective(std::string_view term);

/// True when @p term (Cyrillic) looks like a Russian finite verb (past or present), e.g. `заявил`.
bool is_russian_verb(std::string_view term);

/// True when @p term (Cyrillic) looks like the short form of a passive participle (`проведена`,
/// `возбуждено`), the predicate of a sentence that a body's name opens.
bool is_russian_short_participle(std::string_view term);

/// True when @p term (Cyrillic) can be a noun in the genitive (`человека`, `безопасности`).
bool is_russian_genitive(std::string_view term);

/// True for a genitive plural without an ending that often follows the head of a body's name
/// (`прав`, `пыток`, `дел`).
bool is_russian_bare_genitive_plural(std::string_view term);

/// True when @p term (Cyrillic, normalised) is a verbal or abstract noun in any case form (`решения`,
/// `задержание`, `деятельности`, `руководства`), which cannot be a first name.
bool is_russian_verbal_noun(std::string_view term);

/// True when @p term (Latin, folded) ends like a French adjective or participle (`internationale`).
bool is_french_adjective(std::string_view term);

}  // namespace agora::cues

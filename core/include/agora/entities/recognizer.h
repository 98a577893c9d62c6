/** @file
 *  @brief Rule-based recognition of persons and organisations in English, Russian and French text.
 */
#pragma once

#include "agora/analysis/token.h"
#include "agora/entities/entity.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace agora {

/// A name the user told us about (`--entities FILE.json`): always recognised, in any listed spelling.
struct KnownEntity {
    EntityKind kind = EntityKind::person;
    std::string name;                  ///< canonical (display) name
    std::vector<std::string> aliases;  ///< other spellings, scripts, acronyms
};

/// Finds person and organisation mentions. Holds ICU objects: one per thread.
class EntityRecognizer {
public:
    EntityRecognizer();
    ~EntityRecognizer();
    EntityRecognizer(const EntityRecognizer&) = delete;
    EntityRecognizer& operator=(const EntityRecognizer&) = delete;

    /// Adds names to always recognise (matched on the analysed words, so case and accents do not
    /// matter; Russian inflections of the last word are accepted).
    void add_known(const std::vector<KnownEntity>& known);

    /// Appends person and organisation mentions found in @p text (tokens from Analyzer::analyze on the
    /// same text) to @p out, in text order. Countries are not reported here (see CountryGazetteer);
    /// @p countries, when given, are the country mentions already found, which the recogniser must not
    /// report as persons or organisations (but may use as part of an organisation name).
    void recognize(std::string_view text, const std::vector<Token>& tokens,
                   const std::vector<Mention>& countries, std::vector<Mention>& out);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// Reads a known-entities file: a JSON array of {"name": str, "kind": "person"|"organisation",
/// "aliases": [str]}. Throws std::runtime_error naming @p path and the entry on bad input.
std::vector<KnownEntity> load_known_entities(const std::string& path);

}  // namespace agora

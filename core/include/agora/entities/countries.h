/** @file
 *  @brief Countries and territories from ICU's data: names in English, Russian and French, every
 *         ISO 3166 territory, found in analysed text and resolved from user input.
 */
#pragma once

#include "agora/analysis/analyzer.h"
#include "agora/analysis/language.h"
#include "agora/entities/entity.h"

#include <string>
#include <string_view>
#include <vector>

namespace agora {

/// The country gazetteer. Built once from ICU (no hand-typed list), immutable and thread-safe
/// after construction; share one instance.
class CountryGazetteer {
public:
    /// The process-wide instance (built on first use).
    static const CountryGazetteer& instance();

    /// Appends to @p out a Mention (kind country, code set) for each country name in @p text, whose
    /// tokens @p tokens came from @p analyzer.analyze(text, ...). Longest match wins; matches never
    /// overlap. @p analyzer gives the tokens' stems (Russian oblique cases: "в Казахстане").
    void find(std::string_view text, const std::vector<Token>& tokens, Analyzer& analyzer,
              std::vector<Mention>& out) const;

    /// ISO 3166 code for a code ("kz", "KZ") or a name in English, Russian or French in any case
    /// form ("Kazakhstan", "Казахстане", "Côte d'Ivoire", "cote d ivoire"); empty when unknown.
    std::string resolve(std::string_view name_or_code, Analyzer& analyzer) const;

    /// Display name of @p code in @p ui (en when unknown); the code itself when ICU has no name.
    std::string label(std::string_view code, Lang ui) const;

    /// Number of territories known (for tests and diagnostics).
    std::size_t size() const;

    CountryGazetteer(const CountryGazetteer&) = delete;
    CountryGazetteer& operator=(const CountryGazetteer&) = delete;
    ~CountryGazetteer();

private:
    CountryGazetteer();
    struct Impl;
    Impl* impl_;
};

}  // namespace agora

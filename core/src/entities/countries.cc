// Placeholder: being written (CountryGazetteer).
#include "agora/entities/countries.h"
namespace agora {
struct CountryGazetteer::Impl {};
CountryGazetteer::CountryGazetteer() : impl_(new Impl) {}
CountryGazetteer::~CountryGazetteer() { delete impl_; }
const CountryGazetteer& CountryGazetteer::instance() { static const CountryGazetteer g; return g; }
void CountryGazetteer::find(std::string_view, const std::vector<Token>&, Analyzer&, std::vector<Mention>&) const {}
std::string CountryGazetteer::resolve(std::string_view, Analyzer&) const { return {}; }
std::string CountryGazetteer::label(std::string_view code, Lang) const { return std::string(code); }
std::size_t CountryGazetteer::size() const { return 0; }
}  // namespace agora

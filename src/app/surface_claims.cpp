// The surface lessons' claims on the landscape (surface_claims.hpp).
#include "app/surface_claims.hpp"

#include <string>

namespace lrlab
{

std::vector<ClaimLine> surface_claim_lines(const Lesson& l, const LandscapeState& s)
{
    std::vector<std::string> names;
    for (const SurfaceRunConfig& r : s.config.runs)
        names.push_back(r.name);
    return claim_lines_of(l, evaluate_surface_claims(l, names, s.rows));
}

nlohmann::json surface_claims_json(const Lesson& l, const LandscapeState& s)
{
    return {{"lesson", l.name},
            {"step", s.step},
            {"steps", s.config.steps},
            {"finished", landscape_finished(s)},
            {"claims", claims_json_array(surface_claim_lines(l, s))}};
}

}  // namespace lrlab

// The one rule for a run's name, in an experiment config and in a surface config (issue 14,
// defect 7: surface names once took newlines and 100,000 bytes). A name is a CSV field, a legend
// label, a key of trajectories() and part of a URL: non-empty, at most max_run_name_bytes bytes,
// no control characters (C0, DEL) that would break a line of CSV or of a legend.
#include "core/config/keys.hpp"

namespace lrlab::config_detail
{
namespace
{

bool has_control_character(const std::string& s)
{
    for (unsigned char c : s)
        if (c < 0x20 || c == 0x7f)
            return true;
    return false;
}

}  // namespace

bool read_run_name(const json& n, const std::string& path, std::string& out, Errors& errors)
{
    const std::string limit = std::to_string(limits::max_run_name_bytes);
    if (!n.is_string())
    {
        errors.push_back({path, "must be a non-empty string of at most " + limit +
                                    " bytes, got " + json_type_name(n)});
        return false;
    }
    const std::string& s = n.get_ref<const std::string&>();
    if (s.empty() || s.size() > std::size_t(limits::max_run_name_bytes))
    {
        errors.push_back({path, "must be a non-empty string of at most " + limit +
                                    " bytes, got " + std::to_string(s.size()) + " bytes"});
        return false;
    }
    if (has_control_character(s))
    {
        errors.push_back({path, "must not contain control characters"});
        return false;
    }
    out = s;
    return true;
}

}  // namespace lrlab::config_detail

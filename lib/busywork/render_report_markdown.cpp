// SPDX-License-Identifier: MIT
#include <busywork/render_report.hpp>

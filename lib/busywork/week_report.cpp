// SPDX-License-Identifier: MIT
#include <busywork/week_report.hpp>

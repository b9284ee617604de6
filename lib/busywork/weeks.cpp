// SPDX-License-Identifier: MIT
#include <busywork/weeks.hpp>

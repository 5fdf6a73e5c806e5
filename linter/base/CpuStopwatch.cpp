#include "base/CpuStopwatch.h"

#include <ctime>

namespace galley::base {

ThreadCpuClock::time_point ThreadCpuClock::now() noexcept {
  timespec spec{};
  ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec);
  return time_point(std::chrono::seconds(spec.tv_sec) + std::chrono::nanoseconds(spec.tv_nsec));
}

CpuStopwatch::CpuStopwatch() noexcept : wallStart_(std::chrono::steady_clock::now()), cpuStart_(ThreadCpuClock::now()) {}

bool CpuStopwatch::exceeded(Duration budget) const noexcept { return elapsedUpTo(budget) > budget; }

CpuStopwatch::Duration CpuStopwatch::elapsedUpTo(Duration bound) const noexcept {
  const Duration wall = std::chrono::steady_clock::now() - wallStart_;
  if (wall <= bound) return wall;  // CPU time <= wall time <= bound
  return ThreadCpuClock::now() - cpuStart_;
}

}  // namespace galley::base

#pragma once
// This user's cache directories, $XDG_CACHE_HOME/gongwen/<name> (~/.cache when XDG_CACHE_HOME is
// unset), for what a cold process can keep from the last run instead of rebuilding it.
//
// A cache may only spare work that its owner's own processes did: a directory that is a symbolic
// link, not this user's, or writable by anyone else is not used, so nobody else can plant an entry.

#include <string>

namespace gongwen {

// $XDG_CACHE_HOME when absolute, else $HOME/.cache; "" when neither is known.
std::string userCacheHome();

// An open descriptor of the cache directory `name`, created 0700 where missing (and
// $XDG_CACHE_HOME/gongwen with it), or -1 when there is none or it is not safe to trust. The
// caller closes it.
int openUserCacheDirectory(const std::string& name);

// The same checks for a file in such a directory, opened with O_NOFOLLOW: a regular file owned by
// this user and writable by nobody else.
bool isTrustedCacheFile(int fd);

// The same checks for a directory a cache is kept in, opened with O_NOFOLLOW.
bool isTrustedCacheDirectory(int fd);

}  // namespace gongwen

# Varnish in front of the site (docs/deployment.md). Backend: the app server on 127.0.0.1:8000.
#
# - Keeps what the app marks shareable (Cache-Control: public, s-maxage; home/http_cache.py), nothing else.
# - Passes the admin, documents, the API, the service worker, the health check and every request that carries
#   a session or a pending message; other cookies (analytics, a stale csrftoken) are dropped.
# - Ignores query parameters no page reads: only the names in KNOWN below are kept, sorted, so ?utm_source=…
#   or ?junk=1 map to the page's one stored copy. tests/test_varnish.py checks KNOWN against every
#   parameter the site declares (home/query_parameters.py).
# - PURGE only from the app (127.0.0.1): a path purges that address with any query string; "/" purges the
#   whole host (sent when a change shows on every page: menus, snippets, images, figures, privacy).
vcl 4.1;

import std;

backend default {
    .host = "127.0.0.1";
    .port = "8000";
}

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        if (req.url == "/") {
            ban("obj.http.x-host == " + req.http.host);
        } else {
            ban("obj.http.x-host == " + req.http.host + " && obj.http.x-path == " + regsub(req.url, "\?.*$", ""));
        }
        return (synth(200, "Purged"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|documents|api|media)/" || req.url ~ "^/(sw\.js|healthz)") {
        return (pass);
    }
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=") {
        return (pass);
    }
    unset req.http.Cookie;

    # KNOWN: the query parameters the site's pages read.
    if (req.url ~ "\?") {
        set req.url = regsuball(req.url, "([?&])(?!(?:q|kind|page|year|unit|tab|time|region|province|group|occupation|indicator|from|to|lang|format|edit|capital|members|savings|loan_size|term|fee_rate|fee_method|repayment|learning_share|months|q-[0-9a-f]{8})=)[^&]*", "\1");
        set req.url = regsuball(req.url, "&&+", "&");
        set req.url = regsub(req.url, "\?&", "?");
        set req.url = regsub(req.url, "[?&]$", "");
        set req.url = std.querysort(req.url);
    }
    return (hash);
}

sub vcl_backend_response {
    # For bans that the ban lurker can evaluate in the background.
    set beresp.http.x-host = bereq.http.host;
    set beresp.http.x-path = regsub(bereq.url, "\?.*$", "");
    if (beresp.http.Cache-Control !~ "public" || beresp.http.Set-Cookie) {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
}

sub vcl_deliver {
    unset resp.http.x-host;
    unset resp.http.x-path;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "hit";
    } else {
        set resp.http.X-Cache = "miss";
    }
}

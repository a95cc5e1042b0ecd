"""Narrow exceptions to the Content-Security-Policy for third-party admin pages.

The public site and the rest of the admin run under a policy with no inline script or
style at all. django-import-export's export form carries one inline event handler and two
inline style attributes; rather than allow inline code, its page allows exactly those three,
by hash ('unsafe-hashes' lets a hash match an attribute, nothing else).
"""

import re
from collections.abc import Callable

from csp.constants import UNSAFE_HASHES
from django.http import HttpRequest, HttpResponseBase

EXPORT_FORM = re.compile(r"^/admin/\w+/\w+/export/$")
EXPORT_FORM_POLICY = {
    # onchange="onSelectToggleChange(event)"
    "script-src": [UNSAFE_HASHES, "'sha256-wid4zL8fR53ZYy1ljOepzR77Dn6vWUUxuNnnWWBP3I8='"],
    # style="padding: 0;" and style="font-weight: bold;"
    "style-src": [
        UNSAFE_HASHES,
        "'sha256-mHgUAqxc8GPXM/QhzkHrHujcrQTU9fd6ZjWz+icxKcA='",
        "'sha256-+YWRMZ88jMyO7jVlBA52tZADiPobPIUA8LAWee68Fvs='",
    ],
}


class AdminPolicyMiddleware:
    """Sits inside django-csp's middleware and widens the policy for the pages above only."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if EXPORT_FORM.match(request.path):
            response._csp_update = EXPORT_FORM_POLICY
        return response

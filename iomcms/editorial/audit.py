"""Security events in the log: logins, failed logins, logouts. Refused permissions are
logged by Django itself on the `django.security` and `django.request` loggers."""

import logging
from typing import Any

from django.contrib.auth.models import User
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.http import HttpRequest

logger = logging.getLogger("iomcms.security")


def client_address(request: HttpRequest | None) -> str:
    return request.META.get("REMOTE_ADDR", "-") if request is not None else "-"


def logged_in(sender: type[User], request: HttpRequest | None, user: User, **kwargs: Any) -> None:
    logger.info("login user=%s ip=%s", user.get_username(), client_address(request))


def logged_out(
    sender: type[User] | type[None], request: HttpRequest | None, user: User | None, **kwargs: Any
) -> None:
    name = user.get_username() if user is not None else "-"
    logger.info("logout user=%s ip=%s", name, client_address(request))


def login_failed(
    sender: str, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    logger.warning(
        "login failed user=%s ip=%s", credentials.get("username", "-"), client_address(request)
    )


def connect() -> None:
    user_logged_in.connect(logged_in, dispatch_uid="audit-login")
    user_logged_out.connect(logged_out, dispatch_uid="audit-logout")
    user_login_failed.connect(login_failed, dispatch_uid="audit-login-failed")

"""The client address the sign-in throttle uses, under 0, 1 or 2 trusted reverse proxies."""

import pytest

from home.client_address import forwarded_client


@pytest.mark.parametrize(
    ("forwarded_for", "proxies", "expected"),
    [
        ("203.0.113.66", 0, "10.0.0.2"),  # no trusted proxy: the header is the client's word, ignored
        ("203.0.113.66", 1, "203.0.113.66"),
        ("192.0.2.1, 203.0.113.66", 1, "203.0.113.66"),  # the forged left part is not believed
        ("192.0.2.1,203.0.113.66, 10.0.0.9", 2, "203.0.113.66"),  # two proxies: second entry from the right
        ("203.0.113.66", 2, "203.0.113.66"),  # fewer entries than proxies: the left-most there is
        ("2001:db8::1", 1, "2001:db8::1"),
        ("2001:DB8:0::1", 1, "2001:db8::1"),  # stored in its normal form, so one address is one key
        ("", 1, "10.0.0.2"),
        (" , ", 1, "10.0.0.2"),
        ("not-an-address", 1, "10.0.0.2"),  # never stored in the address column
        ("203.0.113.66:4431", 1, "10.0.0.2"),
        ("unknown, 203.0.113.66", 1, "203.0.113.66"),
    ],
)
def test_client_address_from_the_forwarded_header(forwarded_for, proxies, expected):
    assert forwarded_client(forwarded_for, "10.0.0.2", proxies) == expected

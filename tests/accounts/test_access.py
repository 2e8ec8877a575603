import pytest

from tests.factories import make_user


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/home/", "/notifications/", "/account/settings/"])
def test_pages_require_sign_in(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", ["/", "/accounts/login/", "/accounts/signup/", "/accounts/password/reset/"]
)
def test_landing_and_account_pages_are_open(client, url):
    assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_landing_says_what_the_product_is(client):
    page = client.get("/").content.decode()
    assert "Find a mentor who shares your interests" in page
    assert 'href="/accounts/signup/"' in page


@pytest.mark.django_db
def test_unknown_url_gives_the_404_page(client):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


@pytest.mark.django_db
def test_signed_in_landing_goes_home(client):
    client.force_login(make_user())
    assert client.get("/")["Location"] == "/home/"


@pytest.mark.django_db
def test_admin_is_for_staff_only(client, staff):
    client.force_login(make_user())
    assert client.get("/admin/").status_code == 302
    client.force_login(staff)
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_signing_out_needs_a_post(client):
    user = make_user()
    client.force_login(user)
    client.get("/accounts/logout/")
    assert client.session.get("_auth_user_id") == str(user.pk)
    client.post("/accounts/logout/")
    assert "_auth_user_id" not in client.session

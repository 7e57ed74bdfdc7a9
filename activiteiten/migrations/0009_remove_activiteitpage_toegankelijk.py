from django.db import migrations


class Migration(migrations.Migration):
    """The old rolstoel/rollator field: its values are in the accessibility rows now (0008)."""

    dependencies = [
        ("activiteiten", "0008_toegankelijkheid_en_sluitingsperiodes"),
    ]

    operations = [
        migrations.RemoveField(model_name="activiteitpage", name="toegankelijk"),
    ]

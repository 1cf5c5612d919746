"""``helixnet datasets``: the inventory of the bundled data, with sources."""

from helixnet.cli._output import add_output_arguments

HELP = "list the bundled datasets of the Kazakhstan case study, with their sources"
EXAMPLE = "helixnet datasets --format csv --out inventory.csv"


def add_arguments(parser):
    add_output_arguments(parser)


def run(args):
    from helixnet.cli._output import Output
    from helixnet.datasets import list_datasets

    table = list_datasets()
    lines = [f"{r.name:<34} {r.rows:>4}  {r.source}" for r in table.itertuples()]
    text = "\n".join(["name                               rows  source", *lines])
    return Output(payload=table.to_dict(orient="records"), table=table.set_index("name"), text=text)

print("rolesanywhere: not yet")
